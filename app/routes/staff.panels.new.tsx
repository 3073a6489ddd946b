import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { requireCsrf } from '~/auth/csrf.server';
import { requireRole } from '~/auth/guards.server';
import { ErrorSummary } from '~/components/error-summary';
import { recordAudit } from '~/governance/audit.server';
import { PanelForm, type PanelFormValues } from '~/panels/components/panel-form';
import { panelFormOptions, panelScope, parsePanelForm, placementErrors } from '~/panels/staff.server';
import { createPanel } from '~/research/panels.server';

export const meta: MetaFunction = () => [{ title: 'Create a panel – Family Voice' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'facilitator', 'administrator');
  return panelFormOptions(user);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, 'facilitator', 'administrator');
  const form = await request.formData();
  await requireCsrf(request, form);
  const parsed = parsePanelForm(form);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  try {
    const panel = await createPanel(parsed.input, panelScope(user));
    await recordAudit({ who: user.id, what: 'panels.create', subjectId: panel.id, subjectType: 'panel', correlationId: context.requestId });
    throw redirect(`/staff/panels/${panel.id}`);
  } catch (error) {
    const errors = placementErrors(error);
    if (errors) return data({ errors, values: parsed.input as Record<string, unknown> }, { status: 400 });
    throw error;
  }
}

export default function NewPanel() {
  const options = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/staff/panels" className="govuk-back-link">
          Back to panels
        </Link>
        <ErrorSummary errors={failed?.errors ?? []} />
        <h1 className="govuk-heading-l">Create a panel</h1>
        <PanelForm {...options} values={failed?.values as PanelFormValues | undefined} errors={failed?.errors ?? []} submitLabel="Create the panel" />
      </div>
    </div>
  );
}
