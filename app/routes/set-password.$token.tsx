import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { requireCsrf } from '~/auth/csrf.server';
import { MIN_PASSWORD_LENGTH } from '~/auth/password.server';
import { findPasswordLink, newPasswordSchema, setPasswordWithLink } from '~/auth/staff-accounts.server';
import { CsrfInput } from '~/components/csrf-input';
import { ErrorSummary } from '~/components/error-summary';
import { NewPasswordFields } from '~/auth/components/new-password-fields';
import { parseForm } from '~/utils/form';

export const handle = { hydrate: false };

// The token never leaves in a Referer: the service's Referrer-Policy is same-origin and the page links nowhere else.
export const meta: MetaFunction = () => [{ title: 'Set your password – Family Voice' }];

const GONE = 'This link has been used, has expired or is not right. Ask your administrator for a new one.';

export async function loader({ params }: LoaderFunctionArgs) {
  const found = await findPasswordLink(params.token ?? '');
  if (!found) throw new Response(GONE, { status: 404 });
  return { name: found.user.displayName, email: found.user.email, minLength: MIN_PASSWORD_LENGTH };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await request.formData();
  await requireCsrf(request, form);
  const parsed = parseForm(newPasswordSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  const user = await setPasswordWithLink(params.token ?? '', parsed.data.password, context.requestId);
  if (!user) throw new Response(GONE, { status: 404 });
  throw redirect('/sign-in?password=set');
}

export default function SetPassword() {
  const { name, email, minLength } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const errors = failed?.errors ?? [];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{name}</span>
        <h1 className="govuk-heading-l">Set your password</h1>
        <Form method="post" noValidate>
          <CsrfInput />
          <NewPasswordFields email={email} minLength={minLength} errors={errors} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Set password
          </button>
        </Form>
      </div>
    </div>
  );
}
