import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { requireCsrf } from '~/auth/csrf.server';
import { ChoiceFields, TextArea } from '~/components/choice-fields';
import { CsrfInput } from '~/components/csrf-input';
import { ErrorSummary } from '~/components/error-summary';
import { TextInput } from '~/components/text-input';
import { AVAILABILITY } from '~/panels/options';
import { aboutYouQuestions, signUpToPanel } from '~/panels/sign-up.server';
import { AUDIENCE_LABELS, getPanel } from '~/research/panels.server';
import { QuestionField } from '~/surveys/components/question-field';

export const handle = { hydrate: false };

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: `Join ${page?.panel.name ?? 'a panel'} – Family Voice` }];

async function requirePanel(panelId: string | undefined) {
  const panel = panelId ? await getPanel(panelId) : undefined;
  if (!panel) throw new Response('Not found', { status: 404 });
  return panel;
}

export async function loader({ params }: LoaderFunctionArgs) {
  const panel = await requirePanel(params.panelId);
  return {
    panel: { id: panel.id, name: panel.name, audience: AUDIENCE_LABELS[panel.audience as keyof typeof AUDIENCE_LABELS] ?? panel.audience, youngPeople: panel.audience === 'young-people' },
    aboutYou: aboutYouQuestions({ youngPeople: panel.audience === 'young-people' }),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const panel = await requirePanel(params.panelId);
  const form = await request.formData();
  await requireCsrf(request, form);
  const result = await signUpToPanel({ panel, form, correlationId: context.requestId });
  if (result.ok) throw redirect(`/panels/${panel.id}/joined`);
  // Echo back what was typed so nothing is lost, except nothing is stored.
  const values = Object.fromEntries([...new Set(form.keys())].filter((key) => key !== 'csrf').map((key) => [key, form.getAll(key).map(String)]));
  return data({ errors: result.errors, values }, { status: 400 });
}

export default function JoinPanel() {
  const { panel, aboutYou } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const errors = failed?.errors ?? [];
  const value = (name: string) => failed?.values[name]?.[0];
  const values = (name: string) => failed?.values[name] ?? [];
  const error = (name: string) => errors.find((candidate) => candidate.field === name)?.message;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <a href="/panels" className="govuk-back-link">
          Back to panels
        </a>
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{panel.audience}</span>
        <h1 className="govuk-heading-l">Join {panel.name}</h1>
        <p className="govuk-body">
          Your name and contact details are kept separately from your answers, and used only to arrange panel sessions.
          Read the <a className="govuk-link" href="/privacy">privacy notice</a>.
        </p>
        <Form method="post" noValidate>
          <CsrfInput />
          <h2 className="govuk-heading-m">Your details</h2>
          <TextInput name="fullName" label="Your name" autoComplete="name" defaultValue={value('fullName')} error={error('fullName')} spellCheck={false} />
          <TextInput name="email" label="Email address (optional if you give a phone number)" type="email" autoComplete="email" defaultValue={value('email')} error={error('email')} spellCheck={false} />
          <TextInput name="phone" label="Phone number (optional if you give an email address)" type="tel" autoComplete="tel" defaultValue={value('phone')} error={error('phone')} className="govuk-!-width-two-thirds" />
          <ChoiceFields
            name="preferredContact"
            legend="How should we contact you?"
            error={error('preferredContact')}
            selected={values('preferredContact')}
            options={[
              { value: 'email', label: 'Email' },
              { value: 'phone', label: 'Phone call' },
              { value: 'text', label: 'Text message' },
            ]}
          />
          <ChoiceFields
            name="ageGroup"
            legend="How old are you?"
            hint={panel.youngPeople ? 'If you are under 16, a parent or guardian needs to agree too.' : 'Under-16s can join young people’s panels.'}
            error={error('ageGroup')}
            selected={values('ageGroup')}
            options={[
              { value: 'under-16', label: 'Under 16' },
              { value: '16-17', label: '16 or 17' },
              { value: '18-plus', label: '18 or over' },
            ]}
          />
          {panel.youngPeople ? (
            <>
              <h2 className="govuk-heading-m">If you are under 16</h2>
              <TextInput name="guardianName" label="Your parent or guardian’s name" defaultValue={value('guardianName')} error={error('guardianName')} />
              <TextInput name="guardianContact" label="Your parent or guardian’s email or phone number" defaultValue={value('guardianContact')} error={error('guardianContact')} />
              <p className="govuk-body">We will send your parent or guardian a message asking them to agree. You join the panel when they do.</p>
            </>
          ) : null}
          <h2 className="govuk-heading-m">Taking part</h2>
          <TextArea name="accessNeeds" label="Do you have any access needs or need any adjustments? (optional)" hint="For example step-free access, a hearing loop, an interpreter, large print, or breaks" defaultValue={value('accessNeeds')} error={error('accessNeeds')} />
          <TextArea name="caringCommitments" label="Childcare or caring you need to fit around (optional)" hint="For example school pick-up at 3pm, or caring for a parent on Tuesdays" defaultValue={value('caringCommitments')} error={error('caringCommitments')} />
          <ChoiceFields
            name="availability"
            legend="When suits you? (optional)"
            hint="Select all that apply."
            multiple
            error={error('availability')}
            selected={values('availability')}
            options={Object.entries(AVAILABILITY).map(([key, label]) => ({ value: key, label }))}
          />
          <ChoiceFields
            name="attendanceMode"
            legend="How would you like to take part?"
            error={error('attendanceMode')}
            selected={values('attendanceMode')}
            options={[
              { value: 'in-person', label: 'In person' },
              { value: 'online', label: 'Online' },
              { value: 'either', label: 'Either' },
            ]}
          />
          <h2 className="govuk-heading-m">About you</h2>
          <p className="govuk-body">These help us make sure panels include all kinds of families. You can skip any of them.</p>
          {aboutYou.map((question) => (
            <QuestionField key={question.name} question={question} value={failed ? (question.type === 'checkbox' ? values(question.name) : value(question.name)) : undefined} errors={errors} />
          ))}
          <h2 className="govuk-heading-m">Your agreement</h2>
          <ChoiceFields
            name="consentResearch"
            legend="Taking part in the research"
            multiple
            error={error('consentResearch')}
            selected={values('consentResearch')}
            options={[{ value: 'yes', label: 'I agree that what I say in panel sessions can be used, anonymously, in the research' }]}
          />
          <ChoiceFields
            name="consentContact"
            legend="Being contacted"
            multiple
            error={error('consentContact')}
            selected={values('consentContact')}
            options={[{ value: 'yes', label: 'I agree to be contacted about panel sessions. I can stop at any time.' }]}
          />
          <button type="submit" className="govuk-button" data-module="govuk-button" data-prevent-double-click="true">
            Join the panel
          </button>
        </Form>
      </div>
    </div>
  );
}
