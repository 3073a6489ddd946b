import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { DateTime } from 'luxon';
import { requireCsrf } from '~/auth/csrf.server';
import { requireRole } from '~/auth/guards.server';
import { ChoiceFields, TextArea } from '~/components/choice-fields';
import { CsrfInput } from '~/components/csrf-input';
import { DateInput } from '~/components/date-input';
import { ErrorSummary } from '~/components/error-summary';
import { TextInput } from '~/components/text-input';
import { requireManagedSession } from '~/panels/staff.server';
import { formatLondon, ZONE } from '~/scheduling/notice';
import { rescheduleSession } from '~/scheduling/reschedule.server';

export const meta: MetaFunction = () => [{ title: 'Change the time of a session – Family Voice' }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'facilitator', 'administrator');
  const { panel, session } = await requireManagedSession(user, { panelId: params.panelId, sessionId: params.sessionId, when: 'upcoming' });
  const start = DateTime.fromJSDate(session.startsAt, { zone: ZONE });
  const end = DateTime.fromJSDate(session.endsAt, { zone: ZONE });
  return {
    panelId: panel.id,
    title: session.title,
    when: formatLondon(session.startsAt),
    isAdministrator: user.role === 'administrator',
    current: { day: [String(start.day)], month: [String(start.month)], year: [String(start.year)], startTime: [start.toFormat('HH:mm')], endTime: [end.toFormat('HH:mm')] },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, 'facilitator', 'administrator');
  const { panel, session } = await requireManagedSession(user, { panelId: params.panelId, sessionId: params.sessionId, when: 'upcoming' });
  const form = await request.formData();
  await requireCsrf(request, form);
  const result = await rescheduleSession({ session, user, form, correlationId: context.requestId });
  if (result.status === 'moved') throw redirect(`/staff/panels/${panel.id}?moved=1`);
  const values = Object.fromEntries([...new Set(form.keys())].filter((key) => key !== 'csrf').map((key) => [key, form.getAll(key).map(String)]));
  return data({ errors: result.errors, values }, { status: 400 });
}

export default function Reschedule() {
  const page = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const errors = failed?.errors ?? [];
  const values: Record<string, string[]> = failed?.values ?? page.current;
  const error = (field: string) => errors.find((candidate) => candidate.field === field)?.message;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/staff/panels/${page.panelId}`} className="govuk-back-link">
          Back to the panel
        </Link>
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{page.title}</span>
        <h1 className="govuk-heading-l">Change the time</h1>
        <p className="govuk-body">Now: {page.when}. Everyone invited who has not declined will be told the new time.</p>
        <Form method="post" noValidate>
          <CsrfInput />
          <DateInput error={error('day')} values={values} />
          <TextInput name="startTime" label="Start time" defaultValue={values.startTime?.[0]} error={error('startTime')} className="govuk-input--width-5" />
          <TextInput name="endTime" label="End time" defaultValue={values.endTime?.[0]} error={error('endTime')} className="govuk-input--width-5" />
          {page.isAdministrator ? (
            <details className="govuk-details">
              <summary className="govuk-details__summary">
                <span className="govuk-details__summary-text">Move it earlier than 4 weeks after the invitations</span>
              </summary>
              <div className="govuk-details__text">
                <ChoiceFields name="overrideNotice" legend="Override the notice rule" multiple selected={values.overrideNotice ?? []} options={[{ value: 'yes', label: 'I am overriding the 4 weeks’ notice rule' }]} />
                <TextArea name="overrideReason" label="Reason (recorded in the audit trail)" defaultValue={values.overrideReason?.[0]} error={error('overrideReason')} />
              </div>
            </details>
          ) : null}
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Change the time
          </button>
        </Form>
      </div>
    </div>
  );
}
