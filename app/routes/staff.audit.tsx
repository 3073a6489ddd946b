import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { requireCsrf } from '~/auth/csrf.server';
import { CsrfInput } from '~/components/csrf-input';
import { SuccessBanner } from '~/components/success-banner';
import { NOTICES_ROW, RETENTION_SCHEDULE } from '~/governance/retention-schedule';
import { lastRetentionRun } from '~/governance/retention.server';
import { queueRetentionRun } from '~/jobs/housekeeping.server';
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
  const [{ events, total }, people, retention] = await Promise.all([auditPage(filter), auditPeople(), lastRetentionRun()]);
  const { page, ...rest } = filter;
  const params = Object.fromEntries(Object.entries(rest).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  return {
    retention: retention
      ? {
          when: dateFormat.format(retention.at),
          byAdministrator: retention.trigger === 'administrator',
          rows: [...RETENTION_SCHEDULE, NOTICES_ROW].map((rule) => ({ key: rule.key, what: rule.what, kept: rule.kept, count: retention.counts[rule.key] ?? 0 })),
        }
      : null,
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

/** An administrator runs the retention schedule now, on the queue; its counts appear here when done. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, 'administrator');
  const form = await request.formData();
  await requireCsrf(request, form);
  await queueRetentionRun(user.id);
  return { queued: true };
}

export default function AuditTrail() {
  const { filter, page, pageCount, total, people, actions, events, retention } = useLoaderData<typeof loader>();
  const queued = useActionData<typeof action>()?.queued;
  const query = new URLSearchParams(filter).toString();
  return (
    <>
      {queued ? <SuccessBanner message="The retention schedule will run in a moment. Refresh this page to see what it deleted." /> : null}
      <h1 className="govuk-heading-l">Audit trail</h1>
      <p className="govuk-body">Who did what, and when (UK time), newest first. Looking at this page is recorded too.</p>
      <h2 className="govuk-heading-m">Retention</h2>
      <p className="govuk-body">
        {retention
          ? `The retention schedule last ran ${retention.when}${retention.byAdministrator ? ', when an administrator asked' : ''}. It deleted:`
          : 'The retention schedule runs every night at 2:40am. It has not run yet.'}
      </p>
      {retention ? (
        <ScrollingTable label="What the last retention run deleted" columns={['Record', 'Kept for', 'Deleted']}>
          {retention.rows.map((row) => (
            <tr className="govuk-table__row" key={row.key}>
              <td className="govuk-table__cell">{row.what}</td>
              <td className="govuk-table__cell">{row.kept}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{row.key === 'inactivityNotices' ? `${row.count.toLocaleString('en-GB')} sent` : row.count.toLocaleString('en-GB')}</td>
            </tr>
          ))}
        </ScrollingTable>
      ) : null}
      <Form method="post" className="govuk-!-margin-bottom-8">
        <CsrfInput />
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Run the retention schedule now
        </button>
      </Form>
      <h2 className="govuk-heading-m">Events</h2>
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
