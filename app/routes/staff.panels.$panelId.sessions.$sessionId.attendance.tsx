import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { requireCsrf } from '~/auth/csrf.server';
import { requireRole } from '~/auth/guards.server';
import { CsrfInput } from '~/components/csrf-input';
import { ErrorSummary } from '~/components/error-summary';
import { SuccessBanner } from '~/components/success-banner';
import { requireManagedSession } from '~/panels/staff.server';
import { attendanceList, recordAttendance } from '~/scheduling/attendance.server';
import { formatLondon } from '~/scheduling/notice';

export const meta: MetaFunction = () => [{ title: 'Record attendance – Family Voice' }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'facilitator', 'administrator');
  const { panel, session } = await requireManagedSession(user, { panelId: params.panelId, sessionId: params.sessionId, when: 'started' });
  const people = await attendanceList({ sessionId: session.id, viewerId: user.id, correlationId: context.requestId });
  return { panel: { id: panel.id, name: panel.name }, session: { title: session.title, when: formatLondon(session.startsAt) }, people };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, 'facilitator', 'administrator');
  const { session } = await requireManagedSession(user, { panelId: params.panelId, sessionId: params.sessionId, when: 'started' });
  const form = await request.formData();
  await requireCsrf(request, form);
  const marks: Record<string, boolean> = {};
  for (const [key, value] of form.entries()) {
    const match = /^attended-([0-9a-f-]{36})$/.exec(key);
    if (!match) continue;
    if (value !== 'yes' && value !== 'no') return data({ errors: [{ field: key, message: 'Select attended or did not come' }], saved: null }, { status: 400 });
    marks[match[1]!] = value === 'yes';
  }
  if (Object.keys(marks).length === 0) return data({ errors: [{ field: 'people', message: 'Mark at least one person as attended or did not come' }], saved: null }, { status: 400 });
  const saved = await recordAttendance({ session, marks, userId: user.id, correlationId: context.requestId });
  return data({ errors: [], saved });
}

export default function Attendance() {
  const { panel, session, people } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/staff/panels/${panel.id}`} className="govuk-back-link">
          Back to the panel
        </Link>
        <ErrorSummary errors={result?.errors ?? []} />
        {result?.saved ? (
          <SuccessBanner
            message={`Attendance saved. ${result.saved.feedbackSent} ${result.saved.feedbackSent === 1 ? 'person was' : 'people were'} sent the feedback form.`}
          />
        ) : null}
        <span className="govuk-caption-l">{panel.name}</span>
        <h1 className="govuk-heading-l">Record attendance</h1>
        <p className="govuk-body">
          {session.title}, {session.when}. Only whether someone came is kept with the research, under a code, never their
          name.
        </p>
        {people.length === 0 ? (
          <p className="govuk-body" id="people">
            Nobody accepted a place.
          </p>
        ) : (
          <Form method="post" noValidate>
            <CsrfInput />
            {people.map((person) => (
              <div className="govuk-form-group" key={person.invitationId} id={person === people[0] ? 'people' : undefined}>
                <fieldset className="govuk-fieldset">
                  <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{person.fullName}</legend>
                  <div className="govuk-radios govuk-radios--inline govuk-radios--small" data-module="govuk-radios">
                    {[
                      { value: 'yes', label: 'Attended' },
                      { value: 'no', label: 'Did not come' },
                    ].map((option) => (
                      <div className="govuk-radios__item" key={option.value}>
                        <input
                          className="govuk-radios__input"
                          id={`attended-${person.invitationId}-${option.value}`}
                          name={`attended-${person.invitationId}`}
                          type="radio"
                          value={option.value}
                          defaultChecked={person.attended === (option.value === 'yes')}
                        />
                        <label className="govuk-label govuk-radios__label" htmlFor={`attended-${person.invitationId}-${option.value}`}>
                          {option.label}
                        </label>
                      </div>
                    ))}
                  </div>
                </fieldset>
              </div>
            ))}
            <button type="submit" className="govuk-button" data-module="govuk-button">
              Save attendance
            </button>
          </Form>
        )}
      </div>
    </div>
  );
}
