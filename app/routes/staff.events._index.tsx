import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireRole } from '~/auth/guards.server';
import { ScrollingTable } from '~/components/table';
import { EVENT_KINDS, listEvents, type EventKind } from '~/research/events.server';
import { EVENT_ORGANISERS } from '~/local/event-access.server';

export const meta: MetaFunction = () => [{ title: 'Workshops and events – Family Voice' }];

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'Europe/London' });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ...EVENT_ORGANISERS);
  const list = await listEvents();
  return {
    events: list.map((event) => ({
      id: event.id,
      title: event.title,
      kind: EVENT_KINDS[event.kind as EventKind] ?? event.kind,
      held: dateFormat.format(event.heldOn),
      authorities: event.laCodes.length,
      attendees: event.attendees,
      responses: event.responses,
    })),
  };
}

export default function Events() {
  const { events } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">Workshops and events</h1>
          <p className="govuk-body">
            Record each workshop, training course, webinar, peer support group and direct support visit for local authorities and partners. Attendees tell
            us how it went through the event’s link or QR code, without an account.
          </p>
          <Link to="/staff/events/new" role="button" draggable="false" className="govuk-button" data-module="govuk-button">
            Record an event
          </Link>
        </div>
      </div>
      {events.length === 0 ? (
        <p className="govuk-body">No events have been recorded yet.</p>
      ) : (
        <ScrollingTable label="Events" columns={['Event', 'Kind', 'Held', { label: 'Authorities', numeric: true }, { label: 'People', numeric: true }, { label: 'Feedback', numeric: true }]}>
          {events.map((event) => (
            <tr className="govuk-table__row" key={event.id}>
              <td className="govuk-table__cell">
                <Link to={`/staff/events/${event.id}`} className="govuk-link">
                  {event.title}
                </Link>
              </td>
              <td className="govuk-table__cell">{event.kind}</td>
              <td className="govuk-table__cell">{event.held}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{event.authorities}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{event.attendees}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{event.responses}</td>
            </tr>
          ))}
        </ScrollingTable>
      )}
    </>
  );
}
