import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { requireCsrf } from '~/auth/csrf.server';
import { requireRole } from '~/auth/guards.server';
import { ErrorSummary } from '~/components/error-summary';
import { SuccessBanner } from '~/components/success-banner';
import { recordAudit } from '~/governance/audit.server';
import { PanelForm, type PanelFormValues } from '~/panels/components/panel-form';
import { PanelHeader } from '~/panels/components/panel-nav';
import { panelFormOptions, panelScope, parsePanelForm, placementErrors, requireManagedPanel } from '~/panels/staff.server';
import { updatePanel } from '~/research/panels.server';

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: `Settings: ${page?.panel.name ?? 'Panel'} – Family Voice` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'facilitator', 'administrator');
  const panel = await requireManagedPanel(user, params.panelId);
  return { panel, options: await panelFormOptions(user) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, 'facilitator', 'administrator');
  const panel = await requireManagedPanel(user, params.panelId);
  const form = await request.formData();
  await requireCsrf(request, form);
  const parsed = parsePanelForm(form);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values, saved: false }, { status: 400 });
  try {
    await updatePanel(panel.id, parsed.input, panelScope(user));
  } catch (error) {
    const errors = placementErrors(error);
    if (errors) return data({ errors, values: parsed.input as Record<string, unknown>, saved: false }, { status: 400 });
    throw error;
  }
  await recordAudit({ who: user.id, what: 'panels.update', subjectId: panel.id, subjectType: 'panel', correlationId: context.requestId });
  return data({ errors: [], values: null, saved: true });
}

export default function PanelSettings() {
  const { panel, options } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? [];
  return (
    <>
      <ErrorSummary errors={errors} />
      {result?.saved ? <SuccessBanner message="The panel has been saved." /> : null}
      <PanelHeader panel={panel} current="settings" title="Settings" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PanelForm {...options} values={(result?.values ?? panel) as PanelFormValues} errors={errors} submitLabel="Save the panel" />
        </div>
      </div>
    </>
  );
}
