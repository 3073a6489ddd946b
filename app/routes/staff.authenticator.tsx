import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { AuthenticatorSetup, SetUpDone } from '~/auth/components/authenticator-setup';
import { requireCsrf } from '~/auth/csrf.server';
import { requireUser } from '~/auth/guards.server';
import { secondFactorRequired } from '~/auth/roles';
import { authenticatorStatus, confirmEnrolment, enrolmentCodeSchema, enrolmentFor, renewRecoveryCodes } from '~/auth/second-factor.server';
import { parseForm } from '~/utils/form';
import { CsrfInput } from '~/components/csrf-input';
import { ErrorSummary } from '~/components/error-summary';
import { formatLondon } from '~/scheduling/notice';

export const meta: MetaFunction = () => [{ title: 'Your authenticator app – Family Voice' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const status = await authenticatorStatus(user.id);
  // A secret is only made when someone asks to set one up, not on every visit.
  const settingUp = new URL(request.url).searchParams.has('set-up');
  const details = settingUp ? await enrolmentFor(user) : null;
  return {
    enrolled: status.enrolled,
    enrolledAt: status.enrolledAt ? formatLondon(status.enrolledAt) : null,
    recoveryCodesLeft: status.recoveryCodesLeft,
    required: secondFactorRequired(user.role),
    details: details ? { key: details.key, qrCode: details.qrCode } : null,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await request.formData();
  await requireCsrf(request, form);
  if (form.get('intent') === 'recovery-codes') {
    const codes = await renewRecoveryCodes({ user, correlationId: context.requestId });
    if (!codes) return data({ recoveryCodes: null, done: null, errors: [{ field: 'code', message: 'Set up an authenticator app first' }] }, { status: 400 });
    return { recoveryCodes: codes, done: 'Your new recovery codes are below. The old ones no longer work.', errors: [] };
  }
  const parsed = parseForm(enrolmentCodeSchema, form);
  if (!parsed.ok) return data({ recoveryCodes: null, done: null, errors: parsed.errors }, { status: 400 });
  const result = await confirmEnrolment({ user, code: parsed.data.code, by: user, correlationId: context.requestId });
  if (!result.ok) return data({ recoveryCodes: null, done: null, errors: [{ field: 'code', message: result.message }] }, { status: 400 });
  return { recoveryCodes: result.recoveryCodes, done: 'Your authenticator app is set up. You will enter a code from it each time you sign in.', errors: [] };
}

export function shouldRevalidate({ actionResult, defaultShouldRevalidate }: { actionResult?: { recoveryCodes?: string[] | null }; defaultShouldRevalidate: boolean }) {
  return actionResult?.recoveryCodes ? false : defaultShouldRevalidate;
}

export default function YourAuthenticator() {
  const { enrolled, enrolledAt, recoveryCodesLeft, required, details } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? [];
  if (result?.recoveryCodes) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <SetUpDone title="Your authenticator app" message={result.done} codes={result.recoveryCodes} next={{ to: '/staff', label: 'Back to your tasks' }} />
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">{details ? (enrolled ? 'Set up a new phone' : 'Set up an authenticator app') : 'Your authenticator app'}</h1>
        {details ? (
          <>
            {enrolled ? <p className="govuk-body">Your current app keeps working until you enter a code from the new one.</p> : null}
            <AuthenticatorSetup details={details} error={errors.find((error) => error.field === 'code')?.message} />
          </>
        ) : (
          <>
            <p className="govuk-body">
              {enrolled
                ? `You set up your authenticator app on ${enrolledAt}. You have ${recoveryCodesLeft} unused recovery ${recoveryCodesLeft === 1 ? 'code' : 'codes'}.`
                : required
                  ? 'Your role needs an authenticator app.'
                  : 'Your role does not need an authenticator app, but using one makes your account much harder to take over.'}
            </p>
            <div className="govuk-button-group">
              <Link to="?set-up" className="govuk-button" data-module="govuk-button">
                {enrolled ? 'Set up a new phone' : 'Set up an authenticator app'}
              </Link>
              {enrolled ? (
                <Form method="post">
                  <CsrfInput />
                  <button type="submit" name="intent" value="recovery-codes" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                    Get new recovery codes
                  </button>
                </Form>
              ) : null}
            </div>
          </>
        )}
      </div>
    </div>
  );
}
