import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { requireRole } from '~/auth/guards.server';
import { listRecentAudit, recordAudit } from '~/governance/audit.server';
import { ScrollingTable } from '~/components/table';

export const meta: MetaFunction = () => [{ title: 'Audit trail – Family Voice' }];

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Europe/London' });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'administrator');
  // Reading the audit trail is itself a view of identity data.
  await recordAudit({ who: user.id, what: 'audit.view', subjectType: 'audit_trail', correlationId: context.requestId });
  const events = await listRecentAudit({ limit: 100 });
  return {
    events: events.map((event) => ({
      id: event.id,
      when: dateFormat.format(event.occurredAt),
      who: event.who,
      what: event.what,
      subject: event.subjectType ? `${event.subjectType} ${event.subjectId ?? ''}`.trim() : '',
      details: Object.keys(event.details).length ? JSON.stringify(event.details) : '',
    })),
  };
}

export default function AuditTrail() {
  const { events } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Audit trail</h1>
      <p className="govuk-body">The latest 100 events, newest first. Times are UK time.</p>
      <ScrollingTable label="Audit events" columns={['When', 'Who', 'What', 'Subject', 'Details']}>
        {events.map((event) => (
          <tr className="govuk-table__row" key={event.id}>
            <td className="govuk-table__cell">{event.when}</td>
            <td className="govuk-table__cell">{event.who}</td>
            <td className="govuk-table__cell">{event.what}</td>
            <td className="govuk-table__cell">{event.subject}</td>
            <td className="govuk-table__cell">{event.details}</td>
          </tr>
        ))}
      </ScrollingTable>
    </>
  );
}
