import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { RoleScopeFields } from '~/auth/components/role-scope-fields';
import { requireCsrf } from '~/auth/csrf.server';
import { requireRole } from '~/auth/guards.server';
import { scopeOptions } from '~/auth/scope-options.server';
import { inviteSchema, inviteStaff, SCOPE_LISTS } from '~/auth/staff-accounts.server';
import { CsrfInput } from '~/components/csrf-input';
import { ErrorSummary } from '~/components/error-summary';
import { TextInput } from '~/components/text-input';
import { formState } from '~/utils/form-state';
import { formValues, parseForm } from '~/utils/form';

export const meta: MetaFunction = () => [{ title: 'Invite a member of staff – Family Voice' }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'administrator');
  return { options: await scopeOptions() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'administrator');
  const form = await request.formData();
  await requireCsrf(request, form);
  const parsed = parseForm(inviteSchema, form, SCOPE_LISTS);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await inviteStaff(parsed.data, admin, context.requestId);
  if (!result.ok) return data({ errors: result.errors, values: formValues(form, SCOPE_LISTS) }, { status: 400 });
  throw redirect(`/staff/accounts?invited=${result.user.id}`);
}

export default function InviteStaff() {
  const { options } = useLoaderData<typeof loader>();
  const { errors, errorFor: error, text, list } = formState(useActionData<typeof action>());
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/staff/accounts" className="govuk-back-link">
          Back to staff accounts
        </Link>
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Invite a member of staff</h1>
        <p className="govuk-body">They are emailed a link to set their own password. The link works once, for 7 days.</p>
        <Form method="post" noValidate>
          <CsrfInput />
          <TextInput name="displayName" label="Name" autoComplete="off" defaultValue={text('displayName')} error={error('displayName')} />
          <TextInput name="email" label="Email address" type="email" autoComplete="off" spellCheck={false} defaultValue={text('email')} error={error('email')} />
          <RoleScopeFields options={options} values={{ role: text('role'), regionCodes: list('regionCodes'), programmeCodes: list('programmeCodes'), laCode: text('laCode') }} errors={errors} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Send the invitation
          </button>
        </Form>
      </div>
    </div>
  );
}
