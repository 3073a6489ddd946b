import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { requireCsrf } from '~/auth/csrf.server';
import { requireRole } from '~/auth/guards.server';
import { ChoiceFields, TextArea } from '~/components/choice-fields';
import { CsrfInput } from '~/components/csrf-input';
import { DateInput } from '~/components/date-input';
import { ErrorSummary } from '~/components/error-summary';
import { TextInput } from '~/components/text-input';
import { panelPlanningSummary } from '~/identity/participants.server';
import { AVAILABILITY } from '~/panels/options';
import { requireManagedPanel } from '~/panels/staff.server';
import { earliestStart, formatLondon } from '~/scheduling/notice';
import { VENUE_ACCESS } from '~/panels/options';
import { facilitatorChoices } from '~/scheduling/facilitators.server';
import { scheduleSession } from '~/scheduling/schedule.server';
import { WarningText } from '~/components/warning-text';

export const meta: MetaFunction = () => [{ title: 'Schedule a session – Family Voice' }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'facilitator', 'administrator');
  const panel = await requireManagedPanel(user, params.panelId);
  const [facilitators, planning] = await Promise.all([facilitatorChoices(panel), panelPlanningSummary(panel.id)]);
  return {
    panel: { id: panel.id, name: panel.name },
    isAdministrator: user.role === 'administrator',
    earliest: formatLondon(earliestStart(new Date())),
    facilitators,
    planning,
    // The person scheduling usually runs the session too.
    suggested: facilitators.some((choice) => choice.id === user.id) ? [user.id] : [],
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, 'facilitator', 'administrator');
  const panel = await requireManagedPanel(user, params.panelId);
  const form = await request.formData();
  await requireCsrf(request, form);
  const result = await scheduleSession({ panel, user, form, correlationId: context.requestId });
  if (result.status === 'scheduled') throw redirect(`/staff/panels/${panel.id}?scheduled=${result.session.id}`);
  const values = Object.fromEntries([...new Set(form.keys())].filter((key) => key !== 'csrf').map((key) => [key, form.getAll(key).map(String)]));
  return data({ ...result, values }, { status: result.status === 'invalid' ? 400 : 200 });
}

export default function ScheduleSession() {
  const { panel, isAdministrator, earliest, facilitators, suggested, planning } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.status === 'invalid' ? result.errors : [];
  const values = result?.values ?? {};
  const error = (field: string) => errors.find((candidate) => candidate.field === field)?.message;
  const value = (field: string) => values[field]?.[0];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/staff/panels/${panel.id}`} className="govuk-back-link">
          Back to the panel
        </Link>
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{panel.name}</span>
        <h1 className="govuk-heading-l">Schedule a session</h1>
        <div className="govuk-inset-text">
          Families get at least 4 weeks’ notice. If you schedule now, the earliest start is {earliest}.
        </div>
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">What the panel’s {planning.members} members have told us</span>
          </summary>
          <div className="govuk-details__text">
            <ul className="govuk-list govuk-list--bullet">
              <li>
                Taking part: {planning.inPerson} in person, {planning.online} online, {planning.either} either
              </li>
              <li>
                Times that suit:{' '}
                {Object.entries(AVAILABILITY)
                  .map(([key, label]) => `${label.toLowerCase()} ${planning.availability[key] ?? 0}`)
                  .join(', ')}
              </li>
              <li>
                {planning.accessNeeds} {planning.accessNeeds === 1 ? 'has' : 'have'} access needs and {planning.caring}{' '}
                {planning.caring === 1 ? 'has' : 'have'} childcare or caring to fit around. Their details are on the panel page (viewing them
                is recorded).
              </li>
            </ul>
          </div>
        </details>
        {result?.status === 'warnings' ? (
          <WarningText as="div">
            <p className="govuk-body govuk-!-font-weight-bold">Check the timing before you schedule:</p>
            <ul className="govuk-list govuk-list--bullet">
              {result.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          </WarningText>
        ) : null}
        <Form method="post" noValidate>
          <CsrfInput />
          <TextInput name="title" label="Title" defaultValue={value('title')} error={error('title')} />
          <TextInput name="theme" label="Theme (optional)" hint="For example, mental health, or support for children with SEND" defaultValue={value('theme')} error={error('theme')} />
          <DateInput error={error('day')} values={values} />
          <TextInput name="startTime" label="Start time" hint="For example, 10:00, 18:30 or 6pm" defaultValue={value('startTime')} error={error('startTime')} className="govuk-input--width-5" />
          <TextInput name="endTime" label="End time" defaultValue={value('endTime')} error={error('endTime')} className="govuk-input--width-5" />
          <ChoiceFields
            name="mode"
            legend="How will people take part?"
            error={error('mode')}
            selected={values.mode ?? []}
            options={[
              { value: 'in-person', label: 'In person' },
              { value: 'online', label: 'Online' },
              { value: 'hybrid', label: 'Both (hybrid)' },
            ]}
          />
          <TextInput name="venue" label="Venue (in person or hybrid)" defaultValue={value('venue')} error={error('venue')} />
          <ChoiceFields
            name="venueAccess"
            legend="The venue has"
            hint="Select all that apply."
            multiple
            selected={values.venueAccess ?? []}
            options={Object.entries(VENUE_ACCESS).map(([key, label]) => ({ value: key, label }))}
          />
          <TextArea name="onlineDetails" label="How to join online (online or hybrid)" defaultValue={value('onlineDetails')} error={error('onlineDetails')} />
          {facilitators.length > 0 ? (
            <ChoiceFields
              name="facilitators"
              legend="Who will run it?"
              hint="Facilitators covering this panel’s region. Select all that apply."
              multiple
              error={error('facilitators')}
              selected={result ? (values.facilitators ?? []) : suggested}
              options={facilitators.map((choice) => ({ value: choice.id, label: choice.displayName }))}
            />
          ) : null}
          <TextInput name="capacity" label="Number of places" inputMode="numeric" defaultValue={value('capacity')} error={error('capacity')} className="govuk-input--width-4" />
          {isAdministrator ? (
            <details className="govuk-details">
              <summary className="govuk-details__summary">
                <span className="govuk-details__summary-text">Schedule with less than 4 weeks’ notice</span>
              </summary>
              <div className="govuk-details__text">
                <ChoiceFields
                  name="overrideNotice"
                  legend="Override the notice rule"
                  multiple
                  selected={values.overrideNotice ?? []}
                  options={[{ value: 'yes', label: 'I am overriding the 4 weeks’ notice rule' }]}
                />
                <TextArea name="overrideReason" label="Reason (recorded in the audit trail)" defaultValue={value('overrideReason')} error={error('overrideReason')} />
              </div>
            </details>
          ) : null}
          {result?.status === 'warnings' ? <input type="hidden" name="confirmWarnings" value="1" /> : null}
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {result?.status === 'warnings' ? 'Schedule anyway' : 'Schedule the session'}
          </button>
        </Form>
      </div>
    </div>
  );
}
