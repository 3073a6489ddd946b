import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData } from '@remix-run/react';
import { z } from 'zod';
import { requireCsrf } from '~/auth/csrf.server';
import { getCurrentUser, getSessionToken } from '~/auth/guards.server';
import { getPendingToken, redirectAfterSignIn, requirePendingSignIn, sessionHeaders } from '~/auth/pending-sign-in.server';
import { signInWithCode } from '~/auth/sign-in.server';
import { CsrfInput } from '~/components/csrf-input';
import { ErrorSummary } from '~/components/error-summary';
import { TextInput } from '~/components/text-input';
import { parseForm } from '~/utils/form';
import { formState } from '~/utils/form-state';

export const meta: MetaFunction = () => [{ title: 'Enter your security code – Family Voice' }];

export async function loader({ request }: LoaderFunctionArgs) {
  if ((await getCurrentUser(request)).state === 'signed-in' && !(await getPendingToken(request))) throw redirect('/staff');
  await requirePendingSignIn(request, 'code');
  return null;
}

const codeForm = z.object({
  code: z.string().trim().min(1, 'Enter the code from your authenticator app, or a recovery code').max(40, 'Enter the code from your authenticator app, or a recovery code'),
});

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  await requireCsrf(request, form);
  const parsed = parseForm(codeForm, form);
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  const result = await signInWithCode({
    pendingToken: await getPendingToken(request),
    code: parsed.data.code,
    address: context.clientAddress,
    previousToken: await getSessionToken(request),
    correlationId: context.requestId,
  });
  if (result.ok) throw redirect(redirectAfterSignIn(request), { headers: await sessionHeaders(result.token) });
  if (result.reason === 'expired') throw redirect('/sign-in');
  if (result.reason === 'locked') {
    const minutes = Math.ceil(result.retryAfterSeconds / 60);
    return data(
      { errors: [{ field: 'code', message: `You have entered too many wrong codes. Wait ${minutes} ${minutes === 1 ? 'minute' : 'minutes'} and try again.` }] },
      { status: 429, headers: { 'Retry-After': String(result.retryAfterSeconds) } },
    );
  }
  return data({ errors: [{ field: 'code', message: 'The code is not right, or has been used: enter the code your app shows now' }] }, { status: 401 });
}

export default function SignInCode() {
  const { errors, errorFor } = formState(useActionData<typeof action>());
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Enter your security code</h1>
        <p className="govuk-body">Open the authenticator app on your phone and enter the 6-digit code it shows for Family Voice.</p>
        <Form method="post" noValidate>
          <CsrfInput />
          <TextInput
            name="code"
            label="Security code"
            hint="The 6 digits from the app, or one of your recovery codes if you do not have your phone"
            inputMode="text"
            autoComplete="one-time-code"
            autoCapitalize="none"
            spellCheck={false}
            className="govuk-input--width-10"
            error={errorFor('code')}
          />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Continue
          </button>
        </Form>
        <p className="govuk-body">
          If you have lost your phone and your recovery codes, ask an administrator to reset your authenticator. <Link className="govuk-link" to="/sign-in">Start signing in again</Link>.
        </p>
      </div>
    </div>
  );
}
