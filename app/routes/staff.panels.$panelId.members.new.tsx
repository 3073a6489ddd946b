import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { requireCsrf } from '~/auth/csrf.server';
import { requireRole } from '~/auth/guards.server';
import { ChoiceFields, TextArea } from '~/components/choice-fields';
import { CsrfInput } from '~/components/csrf-input';
import { ErrorSummary } from '~/components/error-summary';
import { TextInput } from '~/components/text-input';
import { addOfflineMember, parseOfflineMember } from '~/panels/offline-members.server';
import { AGE_CHOICES, ATTENDANCE_MODES, AVAILABILITY, CONSENT_METHODS, CONTACT_METHODS } from '~/panels/options';
import { requireManagedPanel } from '~/panels/staff.server';
import { formValues } from '~/utils/form';

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: `Add a member: ${page?.panel.name ?? 'Panel'} – Family Voice` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'facilitator', 'administrator');
  const panel = await requireManagedPanel(user, params.panelId);
  return { panel: { id: panel.id, name: panel.name } };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, 'facilitator', 'administrator');
  const panel = await requireManagedPanel(user, params.panelId);
  const form = await request.formData();
  await requireCsrf(request, form);
  const values = formValues(form, ['availability']);
  const parsed = parseOfflineMember(values);
  if (!parsed.ok) return data({ errors: parsed.errors, values }, { status: 400 });
  const added = await addOfflineMember({ panel, input: parsed.input, staffId: user.id, correlationId: context.requestId });
  if (!added.ok) return data({ errors: added.errors, values }, { status: 400 });
  throw redirect(`/staff/panels/${panel.id}/members?added=1`);
}

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

/** Someone recruited at a family hub or on the phone, added with how they agreed. */
export default function AddMember() {
  const { panel } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const errors = failed?.errors ?? [];
  const error = (name: string) => errors.find((candidate) => candidate.field === name)?.message;
  const one = (name: string) => (typeof failed?.values[name] === 'string' ? (failed.values[name] as string) : undefined);
  const many = (name: string) => {
    const value = failed?.values[name];
    return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  };
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/staff/panels/${panel.id}/members`} className="govuk-back-link">
          Back to members
        </Link>
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{panel.name}</span>
        <h1 className="govuk-heading-l">Add someone recruited offline</h1>
        <p className="govuk-body">
          For someone who agreed to join on a paper form, on the phone or in person. They need to be 16 or over: a young person under 16
          joins through the panel’s sign-up pages, so that a parent or guardian can agree.
        </p>
        <Form method="post" noValidate>
          <CsrfInput />
          <h2 className="govuk-heading-m">About them</h2>
          <TextInput name="fullName" label="Name" autoComplete="off" defaultValue={one('fullName')} error={error('fullName')} spellCheck={false} />
          <ChoiceFields name="age" legend="How old are they?" error={error('age')} selected={many('age')} options={Object.entries(AGE_CHOICES).filter(([value]) => value !== 'under-16').map(([value, choice]) => ({ value, label: choice.label.replace('I prefer', 'they prefer') }))} />
          <TextInput name="email" label="Email address (optional if you give a phone number)" type="email" autoComplete="off" defaultValue={one('email')} error={error('email')} spellCheck={false} />
          <TextInput name="phone" label="Phone number (optional if you give an email address)" type="tel" autoComplete="off" defaultValue={one('phone')} error={error('phone')} className="govuk-!-width-two-thirds" />
          <ChoiceFields name="preferredContact" legend="How should we contact them?" error={error('preferredContact')} selected={many('preferredContact')} options={options(CONTACT_METHODS)} />
          <h2 className="govuk-heading-m">Taking part</h2>
          <TextArea name="accessNeeds" label="Access needs or adjustments (optional)" defaultValue={one('accessNeeds')} error={error('accessNeeds')} />
          <TextArea name="caringCommitments" label="Childcare or caring to fit around (optional)" defaultValue={one('caringCommitments')} error={error('caringCommitments')} />
          <ChoiceFields name="availability" legend="When suits them? (optional)" hint="Select all that apply." multiple error={error('availability')} selected={many('availability')} options={options(AVAILABILITY)} />
          <ChoiceFields name="attendanceMode" legend="How would they like to take part?" error={error('attendanceMode')} selected={many('attendanceMode')} options={options(ATTENDANCE_MODES)} />
          <h2 className="govuk-heading-m">Their agreement</h2>
          <ChoiceFields name="consentMethod" legend="How did they agree?" error={error('consentMethod')} selected={many('consentMethod')} options={options(CONSENT_METHODS)} />
          <ChoiceFields
            name="consentConfirmed"
            legend="What they agreed to"
            multiple
            error={error('consentConfirmed')}
            selected={many('consentConfirmed')}
            options={[{ value: 'yes', label: 'They were told how their details and answers are used (the privacy notice), and agreed to take part in the research and to be contacted about panel sessions' }]}
          />
          <button type="submit" className="govuk-button" data-module="govuk-button" data-prevent-double-click="true">
            Add to the panel
          </button>
        </Form>
      </div>
    </div>
  );
}
