import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { requireCsrf } from '~/auth/csrf.server';
import { getSessionToken, requireUser } from '~/auth/guards.server';
import { MIN_PASSWORD_LENGTH } from '~/auth/password.server';
import { changeOwnPassword, newPasswordSchema } from '~/auth/staff-accounts.server';
import { CsrfInput } from '~/components/csrf-input';
import { ErrorSummary } from '~/components/error-summary';
import { SuccessBanner } from '~/components/success-banner';
import { NewPasswordFields } from '~/auth/components/new-password-fields';
import { TextInput } from '~/components/text-input';
import { parseForm } from '~/utils/form';
import { hashToken } from '~/utils/tokens.server';

export const meta: MetaFunction = () => [{ title: 'Change your password – Family Voice' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { email: user.email, minLength: MIN_PASSWORD_LENGTH };
}

const changeSchema = z.object({ current: z.string().min(1, 'Enter your current password') }).and(newPasswordSchema);

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await request.formData();
  await requireCsrf(request, form);
  const parsed = parseForm(changeSchema, form);
  if (!parsed.ok) return data({ done: false, errors: parsed.errors }, { status: 400 });
  const token = await getSessionToken(request);
  const result = await changeOwnPassword(user, parsed.data, token ? hashToken(token) : null, context.requestId);
  return result.ok ? { done: true, errors: [] } : data({ done: false, errors: result.errors }, { status: 400 });
}

export default function ChangePassword() {
  const { email, minLength } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? [];
  const error = (field: string) => errors.find((candidate) => candidate.field === field)?.message;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {result?.done ? <SuccessBanner message="Your password has been changed. You have been signed out everywhere else." /> : null}
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Change your password</h1>
        <Form method="post" noValidate key={result?.done ? 'done' : 'form'}>
          <CsrfInput />
          <TextInput name="current" label="Current password" type="password" autoComplete="current-password" spellCheck={false} error={error('current')} />
          <NewPasswordFields email={email} minLength={minLength} errors={errors} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Change password
          </button>
        </Form>
      </div>
    </div>
  );
}
