import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { requireCsrf } from '~/auth/csrf.server';
import { CsrfInput } from '~/components/csrf-input';
import { ErrorSummary } from '~/components/error-summary';
import { SignUpFields, STEP_TITLES } from '~/panels/components/sign-up-fields';
import { afterStep, firstUnanswered, panelHeading, requireJoinablePanel } from '~/panels/join-pages.server';
import { readSignUpDraft, saveSignUpDraft } from '~/panels/sign-up-drafts.server';
import { aboutYouQuestions, isSignUpStep, readSignUpStep, stepsFor, type SignUpAnswers, type SignUpStep } from '~/panels/sign-up-steps.server';

export const handle = { hydrate: false };

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: `${page ? STEP_TITLES[page.step] : 'Join a panel'} – Family Voice` }];

async function requireStep(request: Request, panelId: string | undefined, stepName: string | undefined) {
  const panel = await requireJoinablePanel(panelId);
  if (!isSignUpStep(stepName)) throw new Response('Not found', { status: 404 });
  const answers = await readSignUpDraft(request, panel.id);
  const steps = stepsFor(panel, answers);
  // A page that does not apply (a guardian for someone 16 or over), or one reached before the pages
  // it depends on, sends the family to the page they need.
  const missing = firstUnanswered(panel, answers);
  if (!steps.includes(stepName) || (missing && steps.indexOf(stepName) > steps.indexOf(missing))) {
    throw redirect(`/panels/${panel.id}/join/${missing ?? 'check'}`);
  }
  return { panel, step: stepName as SignUpStep, answers, steps, changing: new URL(request.url).searchParams.get('change') === '1' };
}

function backLink(panelId: string, steps: SignUpStep[], step: SignUpStep, changing: boolean) {
  if (changing) return `/panels/${panelId}/join/check`;
  const previous = steps[steps.indexOf(step) - 1];
  return previous ? `/panels/${panelId}/join/${previous}` : `/panels/${panelId}/join`;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { panel, step, answers, steps, changing } = await requireStep(request, params.panelId, params.step);
  return {
    panel: panelHeading(panel),
    step,
    position: { number: steps.indexOf(step) + 1, of: steps.length },
    back: backLink(panel.id, steps, step, changing),
    changing,
    values: (answers[step] ?? {}) as Record<string, unknown>,
    aboutYou: step === 'about-you' ? aboutYouQuestions({ youngPeople: panel.audience === 'young-people' }) : [],
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { panel, step, answers, changing } = await requireStep(request, params.panelId, params.step);
  const form = await request.formData();
  await requireCsrf(request, form);
  const result = readSignUpStep(panel, step, form);
  if (!result.ok) return data({ errors: result.errors, values: result.values as Record<string, unknown> }, { status: 400 });
  const updated: SignUpAnswers = { ...answers, [step]: result.values };
  // A guardian's details are kept only while the family says they are under 16.
  if (!stepsFor(panel, updated).includes('guardian')) delete updated.guardian;
  const cookie = await saveSignUpDraft(request, panel.id, updated);
  throw redirect(afterStep(panel, updated, step, changing), { headers: { 'Set-Cookie': cookie } });
}

export default function JoinStep() {
  const page = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const errors = failed?.errors ?? [];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <a href={page.back} className="govuk-back-link">
          Back
        </a>
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">
          Join {page.panel.name}
          <span className="govuk-visually-hidden">,</span> <span className="app-caption-step">step {page.position.number} of {page.position.of}</span>
        </span>
        <h1 className="govuk-heading-l">{STEP_TITLES[page.step]}</h1>
        <Form method="post" noValidate>
          <CsrfInput />
          <SignUpFields step={page.step} values={failed?.values ?? page.values} errors={errors} youngPeople={page.panel.youngPeople} aboutYou={page.aboutYou} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {page.changing ? 'Save and go back to check your answers' : 'Continue'}
          </button>
        </Form>
      </div>
    </div>
  );
}
