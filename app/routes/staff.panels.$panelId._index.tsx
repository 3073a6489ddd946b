import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireRole } from '~/auth/guards.server';
import { SuccessBanner } from '~/components/success-banner';
import { ScrollingTable } from '~/components/table';
import { PanelHeader } from '~/panels/components/panel-nav';
import { SESSION_STATUS_LABELS, type SessionStatus } from '~/panels/options';
import { panelOverview } from '~/panels/panel-overview.server';
import { requireManagedPanel } from '~/panels/staff.server';
import { invitationCounts } from '~/scheduling/invitations.server';

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: `${page?.panel.name ?? 'Panel'} – Family Voice` }];

/** "Scheduled, and N invited", counted from the store for a session of this panel (never from the address). */
async function scheduledNotice(sessionId: string | null, sessions: { id: string }[]): Promise<string | null> {
  if (!sessionId) return null;
  if (!sessions.some((session) => session.id === sessionId)) return 'The session has been scheduled.';
  const counts = await invitationCounts(sessionId);
  const invited = Object.values(counts).reduce((sum, count) => sum + count, 0);
  return invited === 0
    ? 'The session has been scheduled. The panel has no members to invite yet.'
    : `The session has been scheduled and ${invited} ${invited === 1 ? 'member has' : 'members have'} been invited.`;
}

/** The banner after a change made elsewhere, chosen from what the address names (the text is ours). */
async function notice(url: URL, sessions: { id: string }[]): Promise<string | null> {
  const scheduled = await scheduledNotice(url.searchParams.get('scheduled'), sessions);
  if (scheduled) return scheduled;
  if (url.searchParams.has('cancelled')) return 'The session has been cancelled and everyone invited has been told.';
  if (url.searchParams.has('moved')) return 'The session has been moved and everyone invited has been told the new time.';
  return null;
}

/** The panel at a glance: its sessions and where each stands, and its members in numbers. No one's details. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'facilitator', 'administrator');
  const panel = await requireManagedPanel(user, params.panelId);
  const overview = await panelOverview(panel);
  return {
    panel: { id: panel.id, name: panel.name, recruitmentTarget: panel.recruitmentTarget },
    ...overview,
    notice: await notice(new URL(request.url), overview.sessions),
  };
}

const TAG_COLOURS: Record<SessionStatus, string> = { upcoming: 'govuk-tag--blue', 'attendance-needed': 'govuk-tag--orange', done: 'govuk-tag--green' };

export default function PanelOverview() {
  const { panel, sessions, members, notice } = useLoaderData<typeof loader>();
  const needsAttendance = sessions.filter((session) => session.status === 'attendance-needed').length;
  return (
    <>
      {notice ? <SuccessBanner message={notice} /> : null}
      <PanelHeader panel={panel} current="overview" />
      <p className="govuk-body">
        {members.active} {members.active === 1 ? 'member' : 'members'} of a target of {panel.recruitmentTarget}
        {members.awaitingGuardian > 0 ? `, and ${members.awaitingGuardian} waiting for a parent or guardian to agree` : ''}.{' '}
        <Link className="govuk-link" to={`/staff/panels/${panel.id}/members`}>
          See the members
        </Link>
      </p>
      <h2 className="govuk-heading-m">Sessions</h2>
      {needsAttendance > 0 ? (
        <div className="govuk-inset-text">
          {needsAttendance === 1 ? 'One session needs' : `${needsAttendance} sessions need`} attendance recorded, so that the people who came are asked for feedback.
        </div>
      ) : null}
      {sessions.length === 0 ? (
        <p className="govuk-body">No sessions are planned.</p>
      ) : (
        <ScrollingTable label="Sessions" columns={['Session', 'When', 'Places', 'Status', 'Actions']}>
          {sessions.map((session) => (
            <tr className="govuk-table__row" key={session.id}>
              <td className="govuk-table__cell">
                <Link className="govuk-link" to={`/staff/panels/${panel.id}/sessions/${session.id}`}>
                  {session.title}
                </Link>
                <br />
                <span className="govuk-body-s">{session.mode === 'in-person' ? 'In person' : session.mode === 'online' ? 'Online' : 'In person and online'}</span>
              </td>
              <td className="govuk-table__cell">{session.when}</td>
              <td className="govuk-table__cell">
                {session.accepted} of {session.capacity} taken
                {session.waitlisted > 0 ? `, ${session.waitlisted} on the waiting list` : ''}
              </td>
              <td className="govuk-table__cell">
                <strong className={`govuk-tag ${TAG_COLOURS[session.status]}`}>{SESSION_STATUS_LABELS[session.status]}</strong>
              </td>
              <td className="govuk-table__cell">
                {session.status === 'upcoming' ? (
                  <ul className="govuk-list govuk-!-margin-bottom-0">
                    <li>
                      <Link className="govuk-link" to={`/staff/panels/${panel.id}/sessions/${session.id}/edit`}>
                        Change the details<span className="govuk-visually-hidden"> of {session.title}</span>
                      </Link>
                    </li>
                    <li>
                      <Link className="govuk-link" to={`/staff/panels/${panel.id}/sessions/${session.id}/reschedule`}>
                        Change the time<span className="govuk-visually-hidden"> of {session.title}</span>
                      </Link>
                    </li>
                    <li>
                      <Link className="govuk-link" to={`/staff/panels/${panel.id}/sessions/${session.id}/cancel`}>
                        Cancel<span className="govuk-visually-hidden"> {session.title}</span>
                      </Link>
                    </li>
                  </ul>
                ) : (
                  <Link className="govuk-link" to={`/staff/panels/${panel.id}/sessions/${session.id}/attendance`}>
                    {session.status === 'done' ? 'Change attendance' : 'Record attendance'}
                    <span className="govuk-visually-hidden"> for {session.title}</span>
                  </Link>
                )}
              </td>
            </tr>
          ))}
        </ScrollingTable>
      )}
      <div className="govuk-button-group">
        <Link to={`/staff/panels/${panel.id}/sessions/new`} className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Schedule a session
        </Link>
        <a className="govuk-link" href={`/staff/panels/${panel.id}/attendance.csv`}>
          Download attendance (CSV)
        </a>
      </div>
    </>
  );
}
