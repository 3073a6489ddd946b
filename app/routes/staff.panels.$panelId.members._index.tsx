import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { requireRole } from '~/auth/guards.server';
import { ChoiceFields } from '~/components/choice-fields';
import { Pagination } from '~/components/pagination';
import { SuccessBanner } from '~/components/success-banner';
import { ScrollingTable } from '~/components/table';
import { TextInput } from '~/components/text-input';
import { listAwaitingGuardian, listPanelMembers, MEMBERS_PER_PAGE } from '~/identity/participants.server';
import { PanelHeader } from '~/panels/components/panel-nav';
import { ATTENDANCE_MODES, AVAILABILITY, CONTACT_METHODS } from '~/panels/options';
import { requireManagedPanel } from '~/panels/staff.server';

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: `Members: ${page?.panel.name ?? 'Panel'} – Family Voice` }];

const dayFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'Europe/London' });

/** People's names, contact details and needs: every view is audited (without what was searched for). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'facilitator', 'administrator');
  const panel = await requireManagedPanel(user, params.panelId);
  const url = new URL(request.url);
  const search = (url.searchParams.get('search') ?? '').trim().slice(0, 200);
  const callList = url.searchParams.get('show') === 'calls';
  const page = z.coerce.number().int().min(1).max(100_000).catch(1).parse(url.searchParams.get('page') ?? 1);
  const [{ members, total }, awaiting] = await Promise.all([
    listPanelMembers({ panelId: panel.id, viewerId: user.id, correlationId: context.requestId, search, callList, page }),
    listAwaitingGuardian({ panelId: panel.id, viewerId: user.id, correlationId: context.requestId }),
  ]);
  return {
    panel: { id: panel.id, name: panel.name },
    search,
    callList,
    page,
    total,
    pageCount: Math.max(1, Math.ceil(total / MEMBERS_PER_PAGE)),
    added: url.searchParams.has('added'),
    members: members.map((member) => ({
      id: member.id,
      fullName: member.fullName,
      contact: member.preferredContact === 'email' ? member.email : member.phone,
      email: member.email,
      phone: member.phone,
      preferredContact: CONTACT_METHODS[member.preferredContact as keyof typeof CONTACT_METHODS] ?? member.preferredContact,
      needs: [member.accessNeeds, member.caringCommitments].filter(Boolean).join('; ') || 'None given',
      availability: member.availability.map((key) => AVAILABILITY[key as keyof typeof AVAILABILITY] ?? key).join(', ') || 'Any time',
      attendanceMode: ATTENDANCE_MODES[member.attendanceMode as keyof typeof ATTENDANCE_MODES] ?? member.attendanceMode,
    })),
    awaiting: awaiting.map((person) => ({ id: person.id, fullName: person.fullName, since: dayFormat.format(person.since) })),
  };
}

export default function PanelMembers() {
  const data = useLoaderData<typeof loader>();
  const filters: Record<string, string> = { ...(data.search ? { search: data.search } : {}), ...(data.callList ? { show: 'calls' } : {}) };
  return (
    <>
      {data.added ? <SuccessBanner message="The member has been added, and invited to the sessions that still give 4 weeks’ notice." /> : null}
      <PanelHeader panel={data.panel} current="members" title="Members" />
      <p className="govuk-body">These are people’s contact details and needs. Viewing them is recorded in the audit trail.</p>
      <div className="govuk-button-group">
        <Link to={`/staff/panels/${data.panel.id}/members/new`} className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Add someone recruited offline
        </Link>
      </div>
      <form method="get" className="govuk-!-margin-bottom-6">
        <TextInput name="search" label="Search by name, email or phone number" type="search" defaultValue={data.search} maxLength={200} className="govuk-!-width-two-thirds" spellCheck={false} />
        <ChoiceFields
          name="show"
          legend="Show"
          selected={[data.callList ? 'calls' : 'all']}
          options={[
            { value: 'all', label: 'Everyone' },
            { value: 'calls', label: 'Call list: people who prefer a phone call' },
          ]}
        />
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Show members
        </button>
      </form>
      <p className="govuk-body" role="status">
        {data.total === 1 ? '1 member' : `${data.total} members`}
        {data.callList ? ' who prefer a phone call' : ''}
        {data.search ? ` matching “${data.search}”` : ''}
        {data.pageCount > 1 ? `, page ${data.page} of ${data.pageCount}` : ''}.
      </p>
      {data.members.length === 0 ? null : data.callList ? (
        <ScrollingTable label="Call list" columns={['Name', 'Phone number', 'When suits them', 'Needs and commitments']}>
          {data.members.map((member) => (
            <tr className="govuk-table__row" key={member.id}>
              <td className="govuk-table__cell">{member.fullName}</td>
              <td className="govuk-table__cell app-break-words">
                {member.phone ? <a className="govuk-link" href={`tel:${member.phone.replace(/\s/g, '')}`}>{member.phone}</a> : 'None given'}
              </td>
              <td className="govuk-table__cell">{member.availability}</td>
              <td className="govuk-table__cell">{member.needs}</td>
            </tr>
          ))}
        </ScrollingTable>
      ) : (
        <ScrollingTable label="Panel members" columns={['Name', 'Contact', 'Needs and commitments', 'When and how']}>
          {data.members.map((member) => (
            <tr className="govuk-table__row" key={member.id}>
              <td className="govuk-table__cell">{member.fullName}</td>
              <td className="govuk-table__cell app-break-words">
                {member.contact} ({member.preferredContact.toLowerCase()})
              </td>
              <td className="govuk-table__cell">{member.needs}</td>
              <td className="govuk-table__cell">
                {member.availability}; {member.attendanceMode.toLowerCase()}
              </td>
            </tr>
          ))}
        </ScrollingTable>
      )}
      <Pagination page={data.page} pageCount={data.pageCount} params={filters} label="Member pages" />
      {data.awaiting.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">Waiting for a parent or guardian</h2>
          <p className="govuk-body">These young people join when their parent or guardian agrees. If nobody answers within 7 days, their details are deleted.</p>
          <ul className="govuk-list govuk-list--bullet">
            {data.awaiting.map((person) => (
              <li key={person.id}>
                {person.fullName}, asked {person.since}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
