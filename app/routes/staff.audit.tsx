import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { requireRole } from '~/auth/guards.server';
import { FilterSelect } from '~/components/filter-select';
import { Pagination } from '~/components/pagination';
import { ScrollingTable } from '~/components/table';
import { actionLabel, actorLabel, AUDIT_ACTIONS, AUDIT_SUBJECTS, detailsText } from '~/governance/audit-labels';
import { recordAudit } from '~/governance/audit.server';
import { AUDIT_PAGE_SIZE, auditPage, auditPeople, readAuditFilter } from '~/governance/audit-trail.server';

export const meta: MetaFunction = () => [{ title: 'Audit trail – Family Voice' }];

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Europe/London' });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'administrator');
  const filter = readAuditFilter(new URL(request.url).searchParams);
  // Reading the audit trail is itself a view of identity data.
  await recordAudit({ who: user.id, what: 'audit.view', subjectType: 'audit_trail', correlationId: context.requestId });
  const [{ events, total }, people] = await Promise.all([auditPage(filter), auditPeople()]);
  const { page, ...rest } = filter;
  const params = Object.fromEntries(Object.entries(rest).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  return {
    filter: params,
    page,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    total,
    people: [
      ...people.map((person) => ({ value: person.id, label: `${person.name} (${person.email})` })),
      { value: 'anonymous', label: 'Someone not signed in' },
      { value: 'system', label: 'The system' },
    ],
    actions: Object.entries(AUDIT_ACTIONS).map(([value, label]) => ({ value, label })),
    events: events.map((event) => ({
      id: event.id,
      when: dateFormat.format(event.occurredAt),
      who: actorLabel(event.who, event.whoName),
      what: actionLabel(event.what),
      subject: event.subjectType ? `${AUDIT_SUBJECTS[event.subjectType] ?? event.subjectType}${event.subjectId ? ` ${event.subjectId.slice(0, 8)}` : ''}` : '',
      details: detailsText(event.details),
    })),
  };
}

export default function AuditTrail() {
  const { filter, page, pageCount, total, people, actions, events } = useLoaderData<typeof loader>();
  const query = new URLSearchParams(filter).toString();
  return (
    <>
      <h1 className="govuk-heading-l">Audit trail</h1>
      <p className="govuk-body">Who did what, and when (UK time), newest first. Looking at this page is recorded too.</p>
      <form method="get" className="govuk-!-margin-bottom-6" aria-label="Filter the audit trail">
        <FilterSelect name="who" label="Person" value={filter.who} options={people} any="Anyone" />
        <FilterSelect name="what" label="Action" value={filter.what} options={actions} any="Any action" />
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="filter-from">
            From (date)
          </label>
          <input className="govuk-input govuk-input--width-10" id="filter-from" name="from" type="date" defaultValue={filter.from ?? ''} />
        </div>
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="filter-to">
            To (date, included)
          </label>
          <input className="govuk-input govuk-input--width-10" id="filter-to" name="to" type="date" defaultValue={filter.to ?? ''} />
        </div>
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Show events
          </button>
          <a className="govuk-link" href="/staff/audit">
            Clear filters
          </a>
        </div>
      </form>
      <p className="govuk-body" role="status">
        {total === 1 ? '1 event' : `${total.toLocaleString('en-GB')} events`}
        {pageCount > 1 ? `, page ${page} of ${pageCount}` : ''}.{' '}
        <a className="govuk-link" href={`/staff/audit/download${query ? `?${query}` : ''}`}>
          Download these events (CSV)
        </a>
      </p>
      <ScrollingTable label="Audit events" columns={['When', 'Who', 'What', 'Subject', 'Details']}>
        {events.map((event) => (
          <tr className="govuk-table__row" key={event.id}>
            <td className="govuk-table__cell">{event.when}</td>
            <td className="govuk-table__cell">{event.who}</td>
            <td className="govuk-table__cell">{event.what}</td>
            <td className="govuk-table__cell">{event.subject}</td>
            <td className="govuk-table__cell app-break-words">{event.details}</td>
          </tr>
        ))}
      </ScrollingTable>
      <Pagination page={page} pageCount={pageCount} params={filter} label="Audit trail pages" />
    </>
  );
}
