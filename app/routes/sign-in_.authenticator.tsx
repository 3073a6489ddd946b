import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { AuthenticatorSetup, SetUpDone } from '~/auth/components/authenticator-setup';
import { requireCsrf } from '~/auth/csrf.server';
import { getCurrentUser, getSessionToken } from '~/auth/guards.server';
import { getPendingToken, redirectAfterSignIn, requirePendingSignIn, sessionHeaders } from '~/auth/pending-sign-in.server';
import { enrolmentCodeSchema, enrolmentFor } from '~/auth/second-factor.server';
import { parseForm } from '~/utils/form';
import { signInWithEnrolment } from '~/auth/sign-in.server';
import { ErrorSummary } from '~/components/error-summary';

export const meta: MetaFunction = () => [{ title: 'Set up your authenticator app – Family Voice' }];

export async function loader({ request }: LoaderFunctionArgs) {
  // Just set up and signed in (the page after the code shows the recovery codes): nothing to load.
  if ((await getCurrentUser(request)).state === 'signed-in' && !(await getPendingToken(request))) return { details: null };
  const { user } = await requirePendingSignIn(request, 'enrol');
  const { key, qrCode } = await enrolmentFor(user);
  return { details: { key, qrCode } };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  await requireCsrf(request, form);
  const parsed = parseForm(enrolmentCodeSchema, form);
  if (!parsed.ok) return data({ recoveryCodes: null, next: null, errors: parsed.errors }, { status: 400 });
  const result = await signInWithEnrolment({
    pendingToken: await getPendingToken(request),
    code: parsed.data.code,
    previousToken: await getSessionToken(request),
    correlationId: context.requestId,
  });
  if (!result.ok && result.reason === 'expired') throw redirect('/sign-in');
  if (!result.ok) return data({ recoveryCodes: null, next: null, errors: [{ field: 'code', message: result.message }] }, { status: 400 });
  // Signed in now; the recovery codes are shown on this answer only, never stored in the clear.
  return data({ recoveryCodes: result.recoveryCodes, next: redirectAfterSignIn(request), errors: [] }, { headers: await sessionHeaders(result.token) });
}

export default function SetUpAuthenticator() {
  const { details } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? [];
  if (result?.recoveryCodes) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <SetUpDone
            title="Your authenticator app is set up"
            message="From now on, you will enter a code from the app each time you sign in."
            codes={result.recoveryCodes}
            next={{ to: result.next ?? '/staff', label: 'Continue' }}
          />
        </div>
      </div>
    );
  }
  if (!details) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">You are signed in</h1>
          <Link className="govuk-button" to="/staff">
            Continue
          </Link>
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Set up your authenticator app</h1>
        <p className="govuk-body">Your account can see people’s names and contact details, so you sign in with a code from an app on your phone as well as your password.</p>
        <AuthenticatorSetup details={details} error={errors.find((error) => error.field === 'code')?.message} />
      </div>
    </div>
  );
}
