import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { RoleScopeFields } from '~/auth/components/role-scope-fields';
import { requireCsrf } from '~/auth/csrf.server';
import { requireRole } from '~/auth/guards.server';
import { ROLE_LABELS, secondFactorRequired } from '~/auth/roles';
import { authenticatorStatus, resetSecondFactor } from '~/auth/second-factor.server';
import { formatLondon } from '~/scheduling/notice';
import { scopeOptions } from '~/auth/scope-options.server';
import { changeRole, getStaff, resetPassword, roleAndScopeSchema, SCOPE_LISTS, setDisabled } from '~/auth/staff-accounts.server';
import { CsrfInput } from '~/components/csrf-input';
import { ErrorSummary } from '~/components/error-summary';
import { SuccessBanner } from '~/components/success-banner';
import { parseForm } from '~/utils/form';

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: `${page?.account.name ?? 'Staff account'} – Family Voice` }];

async function requireAccount(id: string | undefined) {
  const account = id ? await getStaff(id) : undefined;
  if (!account) throw new Response('There is no such account', { status: 404 });
  return account;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireRole(request, 'administrator');
  const account = await requireAccount(params.userId);
  const authenticator = await authenticatorStatus(account.id);
  return {
    self: admin.id === account.id,
    authenticator: {
      enrolled: authenticator.enrolled,
      enrolledAt: authenticator.enrolledAt ? formatLondon(authenticator.enrolledAt) : null,
      recoveryCodesLeft: authenticator.recoveryCodesLeft,
      required: secondFactorRequired(account.role),
    },
    options: await scopeOptions(),
    account: {
      id: account.id,
      name: account.displayName,
      email: account.email,
      role: account.role,
      roleLabel: ROLE_LABELS[account.role],
      regionCodes: account.regionCodes,
      programmeCodes: account.programmeCodes,
      laCode: account.laCode,
      disabled: Boolean(account.disabledAt),
    },
  };
}

const DONE: Record<string, string> = {
  role: 'The role has been changed. They have been signed out so it applies at once.',
  disable: 'The account has been disabled and signed out everywhere.',
  enable: 'The account has been re-enabled. Reset the password if they need a new one.',
  reset: 'Their password has been reset and they have been emailed a link to set a new one.',
  'reset-authenticator': 'Their authenticator app has been removed and they have been signed out. They set up a new one when they next sign in.',
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'administrator');
  const account = await requireAccount(params.userId);
  const form = await request.formData();
  await requireCsrf(request, form);
  const intent = String(form.get('intent') ?? '');
  if (intent === 'role') {
    const parsed = parseForm(roleAndScopeSchema, form, SCOPE_LISTS);
    if (!parsed.ok) return data({ done: null, errors: parsed.errors }, { status: 400 });
    const result = await changeRole(account, parsed.data, admin, context.requestId);
    return result.ok ? { done: DONE.role!, errors: [] } : data({ done: null, errors: result.errors }, { status: 400 });
  }
  if (intent === 'disable' || intent === 'enable') {
    const result = await setDisabled(account, intent === 'disable', admin, context.requestId);
    return result.ok ? { done: DONE[intent]!, errors: [] } : data({ done: null, errors: result.errors }, { status: 400 });
  }
  if (intent === 'reset') {
    const result = await resetPassword(account, admin, context.requestId);
    return result.ok ? { done: DONE.reset!, errors: [] } : data({ done: null, errors: result.errors }, { status: 400 });
  }
  if (intent === 'reset-authenticator') {
    await resetSecondFactor({ user: account, by: admin, correlationId: context.requestId });
    return { done: DONE['reset-authenticator']!, errors: [] };
  }
  return data({ done: null, errors: [{ field: 'role', message: 'Choose what to change' }] }, { status: 400 });
}

export default function StaffAccount() {
  const { account, options, self, authenticator } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? [];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/staff/accounts" className="govuk-back-link">
          Back to staff accounts
        </Link>
        {result?.done ? <SuccessBanner message={result.done} /> : null}
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{account.email}</span>
        <h1 className="govuk-heading-l">{account.name}</h1>
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Role</dt>
            <dd className="govuk-summary-list__value">{account.roleLabel}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Account</dt>
            <dd className="govuk-summary-list__value">{account.disabled ? 'Disabled: cannot sign in' : 'In use'}</dd>
          </div>
        </dl>

        <h2 className="govuk-heading-m">Role and scope</h2>
        <Form method="post" noValidate key={`${account.role}-${account.regionCodes.join()}-${account.programmeCodes.join()}-${account.laCode}`}>
          <CsrfInput />
          <input type="hidden" name="intent" value="role" />
          <RoleScopeFields options={options} values={account} errors={errors} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Save role and scope
          </button>
        </Form>

        <h2 className="govuk-heading-m">Password</h2>
        <p className="govuk-body">Resetting stops the current password working now and emails them a link to set a new one.</p>
        <Form method="post">
          <CsrfInput />
          <input type="hidden" name="intent" value="reset" />
          <button type="submit" id="reset" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            Reset their password
          </button>
        </Form>

        <h2 className="govuk-heading-m">Authenticator app</h2>
        <p className="govuk-body">
          {authenticator.enrolled
            ? `Set up on ${authenticator.enrolledAt}. ${authenticator.recoveryCodesLeft} of 10 recovery codes unused.`
            : authenticator.required
              ? 'Not set up. Their role can see names, so they will be asked to set one up when they next sign in.'
              : 'Not set up. Their role does not need one; they can choose to use one.'}
        </p>
        <div className="govuk-button-group">
          <Link to={`/staff/accounts/${account.id}/authenticator`} className="govuk-button govuk-button--secondary" data-module="govuk-button">
            {authenticator.enrolled ? 'Set up a new phone with them' : 'Set up their authenticator app with them'}
          </Link>
          {authenticator.enrolled ? (
            <Form method="post">
              <CsrfInput />
              <input type="hidden" name="intent" value="reset-authenticator" />
              <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button">
                Reset their authenticator app
              </button>
            </Form>
          ) : null}
        </div>

        {self ? null : (
          <>
            <h2 className="govuk-heading-m">{account.disabled ? 'Re-enable the account' : 'Disable the account'}</h2>
            <p className="govuk-body">
              {account.disabled
                ? 'They will be able to sign in again with their password.'
                : 'They are signed out everywhere and cannot sign in until the account is re-enabled. Nothing they did is deleted.'}
            </p>
            <Form method="post">
              <CsrfInput />
              <input type="hidden" name="intent" value={account.disabled ? 'enable' : 'disable'} />
              <button type="submit" id="disable" className={`govuk-button ${account.disabled ? 'govuk-button--secondary' : 'govuk-button--warning'}`} data-module="govuk-button">
                {account.disabled ? 'Re-enable the account' : 'Disable the account'}
              </button>
            </Form>
          </>
        )}
      </div>
    </div>
  );
}
