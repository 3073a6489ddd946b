import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { AuthenticatorSetup, SetUpDone } from '~/auth/components/authenticator-setup';
import { requireCsrf } from '~/auth/csrf.server';
import { requireRole } from '~/auth/guards.server';
import { confirmEnrolment, enrolmentCodeSchema, enrolmentFor } from '~/auth/second-factor.server';
import { parseForm } from '~/utils/form';
import { getStaff } from '~/auth/staff-accounts.server';
import { ErrorSummary } from '~/components/error-summary';

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: `Set up ${page?.name ?? 'their'} authenticator app – Family Voice` }];

async function requireAccount(id: string | undefined) {
  const account = id ? await getStaff(id) : undefined;
  if (!account || account.disabledAt) throw new Response('There is no such account in use', { status: 404 });
  return account;
}

/**
 * An administrator sets up someone's authenticator app with them (in person or on a call): the
 * person scans the code on this screen and reads back the first code. Audited as by the administrator.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, 'administrator');
  const account = await requireAccount(params.userId);
  const { key, qrCode } = await enrolmentFor(account);
  return { id: account.id, name: account.displayName, details: { key, qrCode } };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'administrator');
  const account = await requireAccount(params.userId);
  const form = await request.formData();
  await requireCsrf(request, form);
  const parsed = parseForm(enrolmentCodeSchema, form);
  if (!parsed.ok) return data({ recoveryCodes: null, errors: parsed.errors }, { status: 400 });
  const result = await confirmEnrolment({ user: account, code: parsed.data.code, by: admin, correlationId: context.requestId });
  if (!result.ok) return data({ recoveryCodes: null, errors: [{ field: 'code', message: result.message }] }, { status: 400 });
  return { recoveryCodes: result.recoveryCodes, errors: [] };
}

export function shouldRevalidate({ actionResult, defaultShouldRevalidate }: { actionResult?: { recoveryCodes?: string[] | null }; defaultShouldRevalidate: boolean }) {
  // The set-up is finished: a new pending secret must not be made just to redraw the page.
  return actionResult?.recoveryCodes ? false : defaultShouldRevalidate;
}

export default function AccountAuthenticator() {
  const { id, name, details } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? [];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/staff/accounts/${id}`} className="govuk-back-link">
          Back to {name}
        </Link>
        {result?.recoveryCodes ? (
          <>
            <SetUpDone
              title={`${name}’s authenticator app is set up`}
              message="They enter a code from the app each time they sign in. Any app they had before no longer works."
              codes={result.recoveryCodes}
              forWhom={name}
              next={{ to: `/staff/accounts/${id}`, label: `Back to ${name}` }}
            />
          </>
        ) : (
          <>
            <ErrorSummary errors={errors} />
            <h1 className="govuk-heading-l">Set up {name}’s authenticator app</h1>
            <p className="govuk-body">Do this with them, in person or on a call: they scan the code with their own phone and read back the code it shows.</p>
            <AuthenticatorSetup details={details} forWhom={name} error={errors.find((error) => error.field === 'code')?.message} />
          </>
        )}
      </div>
    </div>
  );
}
