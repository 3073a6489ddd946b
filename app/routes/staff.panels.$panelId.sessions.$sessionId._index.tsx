import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireRole } from '~/auth/guards.server';
import { VENUE_ACCESS } from '~/panels/options';
import { requireManagedSession } from '~/panels/staff.server';
import { facilitatorsOf } from '~/scheduling/facilitators.server';
import { invitationCounts, sessionPeople } from '~/scheduling/invitations.server';
import { formatLondon } from '~/scheduling/notice';
import { withPlace } from '~/scheduling/places.server';
import { reminderStatus } from '~/scheduling/reminders.server';
import { ScrollingTable } from '~/components/table';
import { SuccessBanner } from '~/components/success-banner';

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: `${page?.session.title ?? 'Session'} – Family Voice` }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'facilitator', 'administrator');
  const { panel, session } = await requireManagedSession(user, { panelId: params.panelId, sessionId: params.sessionId, when: 'any' });
  const [counts, people, facilitators, reminders, place] = await Promise.all([
    invitationCounts(session.id),
    sessionPeople({ sessionId: session.id, viewerId: user.id, correlationId: context.requestId }),
    facilitatorsOf([session.id]),
    reminderStatus(session),
    withPlace(session),
  ]);
  const started = session.startsAt <= new Date();
  return {
    panel: { id: panel.id, name: panel.name },
    session: {
      id: session.id,
      title: session.title,
      theme: session.theme,
      when: `${formatLondon(session.startsAt)} to ${formatLondon(session.endsAt).split(' at ')[1]}`,
      mode: session.mode,
      venue: place.venue,
      venueAccess: session.venueAccess.map((key) => VENUE_ACCESS[key as keyof typeof VENUE_ACCESS] ?? key),
      onlineDetails: place.onlineDetails,
      capacity: session.capacity,
      noticeOverrideReason: session.noticeOverrideReason,
    },
    started,
    changed: changedNotice(new URL(request.url).searchParams.get('changed')),
    counts,
    people,
    runBy: facilitators.get(session.id) ?? [],
    reminders: reminders.map((reminder) => ({ ...reminder, due: formatLondon(reminder.due), past: reminder.due <= new Date() })),
  };
}

/** After an edit: how many were told (a count from our own redirect; only a small number is read). */
function changedNotice(value: string | null): string | null {
  if (value === null || !/^\d{1,4}$/.test(value)) return null;
  const told = Number(value);
  return told === 0 ? 'The session has been changed. Nobody needed to be told.' : `The session has been changed and ${told} ${told === 1 ? 'person has' : 'people have'} been told.`;
}

const MODE = { 'in-person': 'In person', online: 'Online', hybrid: 'In person and online' } as const;

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

export default function SessionPage() {
  const { panel, session, started, changed, counts, people, runBy, reminders } = useLoaderData<typeof loader>();
  const taken = counts.accepted ?? 0;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <Link to={`/staff/panels/${panel.id}`} className="govuk-back-link">
          Back to the panel
        </Link>
        {changed ? <SuccessBanner message={changed} /> : null}
        <span className="govuk-caption-l">{panel.name}</span>
        <h1 className="govuk-heading-l">{session.title}</h1>
        <dl className="govuk-summary-list">
          <Row label="When">{session.when} (UK time)</Row>
          {session.theme ? <Row label="Theme">{session.theme}</Row> : null}
          <Row label="How">{MODE[session.mode as keyof typeof MODE] ?? session.mode}</Row>
          {session.venue ? (
            <Row label="Venue">
              {session.venue}
              {session.venueAccess.length > 0 ? `: ${session.venueAccess.join(', ')}` : ''}
            </Row>
          ) : null}
          {session.onlineDetails ? <Row label="Joining online">{session.onlineDetails}</Row> : null}
          <Row label="Places">
            {taken} of {session.capacity} taken; {counts.waitlisted ?? 0} on the waiting list; {counts.declined ?? 0} cannot come;{' '}
            {counts.invited ?? 0} not replied
          </Row>
          <Row label="Run by">{runBy.length > 0 ? runBy.join(', ') : 'Not recorded'}</Row>
          <Row label="Reminders">
            {started && reminders.every((reminder) => reminder.sent === 0) ? 'None were sent' : null}
            <ul className="govuk-list">
              {/* A session that has happened lists only the reminders that went out. */}
              {reminders.filter((reminder) => !started || reminder.sent > 0).map((reminder) => (
                <li key={reminder.daysBefore}>
                  {reminder.daysBefore === 1 ? '1 day' : `${reminder.daysBefore} days`} before ({reminder.due}):{' '}
                  {reminder.sent > 0 ? `sent to ${reminder.sent} ${reminder.sent === 1 ? 'person' : 'people'}` : reminder.past ? 'not sent' : 'due'}
                </li>
              ))}
            </ul>
          </Row>
          {session.noticeOverrideReason ? <Row label="Short notice because">{session.noticeOverrideReason}</Row> : null}
        </dl>
        <div className="govuk-button-group">
          {started ? (
            <>
              <Link className="govuk-button" data-module="govuk-button" to={`/staff/panels/${panel.id}/sessions/${session.id}/attendance`}>
                Record attendance
              </Link>
              <Link className="govuk-button govuk-button--secondary" data-module="govuk-button" to={`/staff/transcripts/${session.id}`}>
                Add a transcript or notes
              </Link>
            </>
          ) : (
            <>
              <Link className="govuk-button govuk-button--secondary" data-module="govuk-button" to={`/staff/panels/${panel.id}/sessions/${session.id}/edit`}>
                Change the details
              </Link>
              <Link className="govuk-button govuk-button--secondary" data-module="govuk-button" to={`/staff/panels/${panel.id}/sessions/${session.id}/reschedule`}>
                Change the time
              </Link>
              <Link className="govuk-button govuk-button--warning" data-module="govuk-button" to={`/staff/panels/${panel.id}/sessions/${session.id}/cancel`}>
                Cancel the session
              </Link>
            </>
          )}
        </div>
        <h2 className="govuk-heading-m">{started ? 'Who had a place and what they needed' : 'Who is coming and what they need'}</h2>
        <p className="govuk-body">Viewing people’s names and needs is recorded in the audit trail.</p>
        {people.length === 0 ? (
          <p className="govuk-body">Nobody has taken a place yet.</p>
        ) : (
          <ScrollingTable label="People coming and their needs" columns={['Name', 'Place', 'Asked for this session', 'Needs and commitments', 'Prefers']}>
            {people.map((person) => (
              <tr className="govuk-table__row" key={person.invitationId}>
                <th scope="row" className="govuk-table__header">{person.fullName}</th>
                <td className="govuk-table__cell">{person.status === 'accepted' ? (started ? 'Had a place' : 'Coming') : started ? 'Was on the waiting list' : 'Waiting list'}</td>
                <td className="govuk-table__cell">{person.accessNote ?? 'Nothing'}</td>
                <td className="govuk-table__cell">{[person.accessNeeds, person.caringCommitments].filter(Boolean).join('; ') || 'None given'}</td>
                <td className="govuk-table__cell">{person.attendanceMode}</td>
              </tr>
            ))}
          </ScrollingTable>
        )}
      </div>
    </div>
  );
}
