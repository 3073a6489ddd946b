import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { requireCsrf } from '~/auth/csrf.server';
import { requireRole } from '~/auth/guards.server';
import { ErrorSummary } from '~/components/error-summary';
import { SuccessBanner } from '~/components/success-banner';
import { recordAudit } from '~/governance/audit.server';
import { listPanelMembers } from '~/identity/participants.server';
import { PanelForm, type PanelFormValues } from '~/panels/components/panel-form';
import { panelFormOptions, panelScope, parsePanelForm, placementErrors, requireManagedPanel } from '~/panels/staff.server';
import { AVAILABILITY } from '~/panels/options';
import { updatePanel } from '~/research/panels.server';
import { panelProfile } from '~/research/recruitment.server';
import { invitationCounts } from '~/scheduling/invitations.server';
import { formatLondon } from '~/scheduling/notice';
import { panelSessionList } from '~/research/sessions.server';
import { ScrollingTable } from '~/components/table';

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

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'facilitator', 'administrator');
  const panel = await requireManagedPanel(user, params.panelId);
  const [options, members, sessions, profile] = await Promise.all([
    panelFormOptions(user),
    listPanelMembers({ panelId: panel.id, viewerId: user.id, correlationId: context.requestId }),
    panelSessionList({ panelId: panel.id }),
    panelProfile(panel.id),
  ]);
  return {
    panel,
    options,
    profile,
    scheduled: await scheduledNotice(new URL(request.url).searchParams.get('scheduled'), sessions),
    cancelled: new URL(request.url).searchParams.has('cancelled'),
    moved: new URL(request.url).searchParams.has('moved'),
    sessions: sessions.map((session) => ({ id: session.id, title: session.title, when: formatLondon(session.startsAt), mode: session.mode, capacity: session.capacity, started: session.startsAt <= new Date() })),
    members: members.map((member) => ({
      ...member,
      availability: member.availability.map((key) => AVAILABILITY[key as keyof typeof AVAILABILITY] ?? key).join(', '),
    })),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, 'facilitator', 'administrator');
  const panel = await requireManagedPanel(user, params.panelId);
  const form = await request.formData();
  await requireCsrf(request, form);
  const parsed = parsePanelForm(form);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values, saved: false }, { status: 400 });
  try {
    await updatePanel(panel.id, parsed.input, panelScope(user));
  } catch (error) {
    const errors = placementErrors(error);
    if (errors) return data({ errors, values: parsed.input as Record<string, unknown>, saved: false }, { status: 400 });
    throw error;
  }
  await recordAudit({ who: user.id, what: 'panels.update', subjectId: panel.id, subjectType: 'panel', correlationId: context.requestId });
  return data({ errors: [], values: null, saved: true });
}

export default function PanelDetail() {
  const { panel, options, members, sessions, scheduled, cancelled, moved, profile } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? [];
  return (
    <>
      <Link to="/staff/panels" className="govuk-back-link">
        Back to panels
      </Link>
      <ErrorSummary errors={errors} />
      {result?.saved || scheduled || cancelled || moved ? (
        <SuccessBanner
          message={
            scheduled
              ? scheduled
              : cancelled
                ? 'The session has been cancelled and everyone invited has been told.'
                : moved
                  ? 'The session has been moved and everyone invited has been told the new time.'
                  : 'The panel has been saved.'
          }
        />
      ) : null}
      <h1 className="govuk-heading-l">{panel.name}</h1>
      <h2 className="govuk-heading-m">Sessions</h2>
      {sessions.length === 0 ? <p className="govuk-body">No sessions are planned.</p> : (
        <ul className="govuk-list">
          {sessions.map((session) => (
            <li key={session.id}>
              <Link className="govuk-link govuk-!-font-weight-bold" to={`/staff/panels/${panel.id}/sessions/${session.id}`}>
                {session.title}
              </Link>
              : {session.when} ({session.mode}, {session.capacity} places)
              {' '}
              {session.started ? (
                <Link className="govuk-link" to={`/staff/panels/${panel.id}/sessions/${session.id}/attendance`}>
                  Record attendance<span className="govuk-visually-hidden"> for {session.title}</span>
                </Link>
              ) : (
                <>
                  <Link className="govuk-link" to={`/staff/panels/${panel.id}/sessions/${session.id}/reschedule`}>
                    Change the time<span className="govuk-visually-hidden"> of {session.title}</span>
                  </Link>{' '}
                  <Link className="govuk-link" to={`/staff/panels/${panel.id}/sessions/${session.id}/cancel`}>
                    Cancel<span className="govuk-visually-hidden"> {session.title}</span>
                  </Link>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <Link to={`/staff/panels/${panel.id}/sessions/new`} className="govuk-button govuk-button--secondary" data-module="govuk-button">
        Schedule a session
      </Link>
      <h2 className="govuk-heading-m">
        Members ({members.length} of a target of {panel.recruitmentTarget})
      </h2>
      <p className="govuk-body">These are people’s contact details and needs. Viewing them is recorded in the audit trail.</p>
      {members.length === 0 ? (
        <p className="govuk-body">Nobody has joined yet. Share the panel’s sign-up page: /panels/{panel.id}/join</p>
      ) : (
        <ScrollingTable label="Panel members" columns={['Name', 'Contact', 'Needs and commitments', 'When and how']}>
          {members.map((member) => (
            <tr className="govuk-table__row" key={member.id}>
              <td className="govuk-table__cell">{member.fullName}</td>
              <td className="govuk-table__cell app-break-words">
                {member.preferredContact === 'email' ? member.email : member.phone} ({member.preferredContact})
              </td>
              <td className="govuk-table__cell">{[member.accessNeeds, member.caringCommitments].filter(Boolean).join('; ') || 'None given'}</td>
              <td className="govuk-table__cell">
                {member.availability || 'Any time'}; {member.attendanceMode}
              </td>
            </tr>
          ))}
        </ScrollingTable>
      )}
      <h2 className="govuk-heading-m">Who has joined</h2>
      <p className="govuk-body">
        {profile.members} of a target of {panel.recruitmentTarget}. Counted from members’ anonymous answers; groups of fewer
        than 10 people are not shown.
      </p>
      {profile.dimensions.map((dimension) => (
        <details className="govuk-details" key={dimension.dimension + dimension.question}>
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">{dimension.question}</span>
          </summary>
          <div className="govuk-details__text">
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-visually-hidden">{dimension.question}</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Answer</th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">Members</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {dimension.rows.map((row) => (
                  <tr className="govuk-table__row" key={row.answer}>
                    <td className="govuk-table__cell">{row.answer}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{row.count ?? 'Fewer than 10'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ))}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h2 className="govuk-heading-m">Panel details</h2>
          <PanelForm {...options} values={(result?.values ?? panel) as PanelFormValues} errors={errors} submitLabel="Save the panel" />
        </div>
      </div>
    </>
  );
}
