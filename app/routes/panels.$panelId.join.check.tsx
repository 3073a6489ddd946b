import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { requireCsrf } from '~/auth/csrf.server';
import { CsrfInput } from '~/components/csrf-input';
import { STEP_TITLES } from '~/panels/components/sign-up-fields';
import { checkSections, panelHeading, requireJoinablePanel } from '~/panels/join-pages.server';
import { deleteSignUpDraft, readSignUpDraft } from '~/panels/sign-up-drafts.server';
import { completeSignUp } from '~/panels/sign-up-steps.server';
import { signUpToPanel } from '~/panels/sign-up.server';

export const handle = { hydrate: false };

export const meta: MetaFunction = () => [{ title: 'Check your answers before joining – Family Voice' }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const panel = await requireJoinablePanel(params.panelId);
  const answers = await readSignUpDraft(request, panel.id);
  const complete = completeSignUp(panel, answers);
  if (!complete.ok) throw redirect(`/panels/${panel.id}/join/${complete.step}`);
  return { panel: panelHeading(panel), sections: checkSections(panel, answers) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const panel = await requireJoinablePanel(params.panelId);
  const form = await request.formData();
  await requireCsrf(request, form);
  // Everything is checked again: the pages may have been answered for a different age or panel.
  const complete = completeSignUp(panel, await readSignUpDraft(request, panel.id));
  if (!complete.ok) throw redirect(`/panels/${panel.id}/join/${complete.step}`);
  await signUpToPanel({ panel, input: complete.input, correlationId: context.requestId });
  throw redirect(`/panels/${panel.id}/joined`, { headers: { 'Set-Cookie': await deleteSignUpDraft(request) } });
}

export default function CheckSignUp() {
  const { panel, sections } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <a href={`/panels/${panel.id}/join/agreement`} className="govuk-back-link">
          Back
        </a>
        <span className="govuk-caption-l">Join {panel.name}</span>
        <h1 className="govuk-heading-l">Check your answers before joining</h1>
        {sections.map((section) => (
          <div key={section.step}>
            <h2 className="govuk-heading-m">{STEP_TITLES[section.step]}</h2>
            <dl className="govuk-summary-list govuk-!-margin-bottom-9">
              {section.rows.map((row) => (
                <div className="govuk-summary-list__row" key={row.key}>
                  <dt className="govuk-summary-list__key">{row.key}</dt>
                  <dd className="govuk-summary-list__value app-break-words">{row.value}</dd>
                  <dd className="govuk-summary-list__actions">
                    <a className="govuk-link" href={`/panels/${panel.id}/join/${section.step}?change=1`}>
                      Change<span className="govuk-visually-hidden"> {row.key.toLowerCase()}</span>
                    </a>
                  </dd>
                </div>
              ))}
            </dl>
          </div>
        ))}
        <h2 className="govuk-heading-m">Now join the panel</h2>
        <p className="govuk-body">By joining you agree to what is set out above. You can leave at any time using the link in any message we send you.</p>
        <Form method="post">
          <CsrfInput />
          <button type="submit" className="govuk-button" data-module="govuk-button" data-prevent-double-click="true">
            Join the panel
          </button>
        </Form>
      </div>
    </div>
  );
}
