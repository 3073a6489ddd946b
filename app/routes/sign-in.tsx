import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { CsrfInput } from '~/components/csrf-input';
import { ErrorSummary, type FieldError } from '~/components/error-summary';
import { TextInput } from '~/components/text-input';
import { ImportantBanner, SuccessBanner } from '~/components/success-banner';
import { requireCsrf } from '~/auth/csrf.server';
import { getCurrentUser, getSessionToken, safeRedirectPath } from '~/auth/guards.server';
import { pendingSignInCookie, sessionCookie } from '~/auth/session.server';
import { signIn } from '~/auth/sign-in.server';
import { STAFF_SESSION_LIMITS } from '~/governance/retention-schedule';

export const meta: MetaFunction = () => [{ title: 'Sign in – Family Voice' }];

const signInForm = z.object({
  email: z.string().trim().min(1, 'Enter your email address').max(254, 'Email address must be 254 characters or fewer'),
  password: z.string().min(1, 'Enter your password').max(256, 'Password must be 256 characters or fewer'),
  redirectTo: z.string().optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const current = await getCurrentUser(request);
  if (current.state === 'signed-in') throw redirect('/staff');
  const params = new URL(request.url).searchParams;
  // Only a path on this service goes into the form, so the page never carries another site's address.
  const redirectTo = params.has('redirectTo') ? safeRedirectPath(params.get('redirectTo')) : '';
  return { timedOut: current.state === 'timed-out' || params.has('timedOut'), passwordSet: params.get('password') === 'set', redirectTo };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  await requireCsrf(request, formData);
  const parsed = signInForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const errors: FieldError[] = parsed.error.issues.map((issue) => ({ field: String(issue.path[0]), message: issue.message }));
    return data({ errors, email: String(formData.get('email') ?? '') }, { status: 400 });
  }
  const { email, password, redirectTo } = parsed.data;
  const result = await signIn({
    email,
    password,
    address: context.clientAddress,
    previousToken: await getSessionToken(request),
    correlationId: context.requestId,
  });
  if (result.ok) {
    throw redirect(safeRedirectPath(redirectTo), {
      headers: { 'Set-Cookie': await sessionCookie().serialize(result.token) },
    });
  }
  if (result.reason === 'second-factor') {
    const next = result.next === 'enrol' ? '/sign-in/authenticator' : '/sign-in/code';
    const query = redirectTo ? `?${new URLSearchParams({ redirectTo: safeRedirectPath(redirectTo) })}` : '';
    throw redirect(`${next}${query}`, { headers: { 'Set-Cookie': await pendingSignInCookie().serialize(result.pendingToken) } });
  }
  if (result.reason === 'locked') {
    const minutes = Math.ceil(result.retryAfterSeconds / 60);
    const message = `You have tried to sign in too many times. Wait ${minutes} ${minutes === 1 ? 'minute' : 'minutes'} and try again.`;
    return data(
      { errors: [{ field: 'email', message }], email },
      { status: 429, headers: { 'Retry-After': String(result.retryAfterSeconds) } },
    );
  }
  return data(
    { errors: [{ field: 'email', message: 'Enter a correct email address and password' }], email },
    { status: 401 },
  );
}

export default function SignIn() {
  const { timedOut, passwordSet, redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? [];
  const fieldError = (field: string) => errors.find((error) => error.field === field)?.message;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        {passwordSet && errors.length === 0 ? <SuccessBanner message="Your password has been set. Sign in with it now." /> : null}
        {timedOut && errors.length === 0 ? (
          <ImportantBanner message={`You were signed out because you had not used the service for ${STAFF_SESSION_LIMITS.idleMinutes} minutes.`} />
        ) : null}
        <h1 className="govuk-heading-l">Sign in</h1>
        <p className="govuk-body">Sign in with your staff account. Families taking part do not need an account.</p>
        <Form method="post" noValidate>
          <CsrfInput />
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <TextInput
            name="email"
            label="Email address"
            type="email"
            autoComplete="username"
            spellCheck={false}
            defaultValue={actionData?.email}
            error={fieldError('email')}
          />
          <TextInput
            name="password"
            label="Password"
            type="password"
            autoComplete="current-password"
            error={fieldError('password')}
          />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Sign in
          </button>
        </Form>
      </div>
    </div>
  );
}
