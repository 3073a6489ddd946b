import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { requireCsrf } from '~/auth/csrf.server';
import { requireRole } from '~/auth/guards.server';
import { ChoiceFields } from '~/components/choice-fields';
import { CsrfInput } from '~/components/csrf-input';
import { ErrorSummary } from '~/components/error-summary';
import { SuccessBanner } from '~/components/success-banner';
import { TextArea } from '~/components/text-area';
import { TextInput } from '~/components/text-input';
import { recordAudit } from '~/governance/audit.server';
import { correctionSchema, correctMember, eraseMember, getMember } from '~/governance/subject-access.server';
import { parseForm } from '~/utils/form';
import { formState } from '~/utils/form-state';
import { WarningText } from '~/components/warning-text';

export const meta: MetaFunction = () => [{ title: 'A panel member’s data – Family Voice' }];

async function requireMember(id: string | undefined) {
  const member = await getMember(id ?? '');
  if (!member) throw new Response('There is no such member', { status: 404 });
  return member;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const admin = await requireRole(request, 'administrator');
  const member = await requireMember(params.participantId);
  await recordAudit({ who: admin.id, what: 'participants.view', subjectId: member.id, subjectType: 'participant', correlationId: context.requestId, details: { purpose: 'rights-request' } });
  return {
    id: member.id,
    fullName: member.fullName,
    email: member.email ?? '',
    phone: member.phone ?? '',
    preferredContact: member.preferredContact,
    accessNeeds: member.accessNeeds ?? '',
    caringCommitments: member.caringCommitments ?? '',
  };
}

const eraseSchema = z.object({
  confirm: z
    .string()
    .trim()
    .refine((value) => value.toLowerCase() === 'erase', 'Type ERASE to confirm, or go back'),
});

export async function action({ request, params, context }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'administrator');
  const member = await requireMember(params.participantId);
  const form = await request.formData();
  await requireCsrf(request, form);
  if (form.get('intent') === 'erase') {
    const parsed = parseForm(eraseSchema, form);
    if (!parsed.ok) return data({ done: null, errors: parsed.errors, values: parsed.values }, { status: 400 });
    await eraseMember({ person: member, by: admin, correlationId: context.requestId });
    throw redirect('/staff/people?erased=1');
  }
  const parsed = parseForm(correctionSchema, form);
  if (!parsed.ok) return data({ done: null, errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await correctMember({ person: member, correction: parsed.data, by: admin, correlationId: context.requestId });
  if (!result.ok) return data({ done: null, errors: [{ field: result.field, message: result.message }], values: Object.fromEntries(form) as Record<string, string> }, { status: 400 });
  return { done: result.changed.length ? 'Their details have been corrected.' : 'Nothing was changed.', errors: [], values: undefined };
}

export default function MemberData() {
  const member = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { errors, errorFor, text } = formState(result ?? undefined);
  const value = (field: keyof typeof member) => (result?.values ? text(field) : member[field]);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/staff/people" className="govuk-back-link">
          Back to find a panel member
        </Link>
        {result?.done ? <SuccessBanner message={result.done} /> : null}
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">Panel member</span>
        <h1 className="govuk-heading-l">{member.fullName}</h1>

        <h2 className="govuk-heading-m">Everything we hold about them</h2>
        <p className="govuk-body">A page they can open and print: their details, what they agreed to, panels, invitations, messages, and their answers held for research.</p>
        <a className="govuk-button govuk-button--secondary" href={`/staff/people/${member.id}/record.html`} download>
          Download their information (HTML)
        </a>

        <h2 className="govuk-heading-m">Correct their details</h2>
        <Form method="post" noValidate key={[member.fullName, member.email, member.phone, member.preferredContact, member.accessNeeds, member.caringCommitments].join('|')}>
          <CsrfInput />
          <input type="hidden" name="intent" value="correct" />
          <TextInput name="fullName" label="Name" autoComplete="off" defaultValue={value('fullName')} error={errorFor('fullName')} />
          <TextInput name="email" label="Email address" type="email" autoComplete="off" spellCheck={false} defaultValue={value('email')} error={errorFor('email')} />
          <TextInput name="phone" label="Phone number" type="tel" autoComplete="off" className="govuk-input--width-20" defaultValue={value('phone')} error={errorFor('phone')} />
          <ChoiceFields
            name="preferredContact"
            legend="How they would like to be contacted"
            options={[
              { value: 'email', label: 'Email' },
              { value: 'phone', label: 'Phone call' },
              { value: 'text', label: 'Text message' },
            ]}
            selected={[value('preferredContact')]}
            error={errorFor('preferredContact')}
          />
          <TextArea name="accessNeeds" label="Access needs" defaultValue={value('accessNeeds')} error={errorFor('accessNeeds')} />
          <TextArea name="caringCommitments" label="Childcare and caring" defaultValue={value('caringCommitments')} error={errorFor('caringCommitments')} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Save the corrections
          </button>
        </Form>

        <h2 className="govuk-heading-m">Erase them</h2>
        <WarningText>
          This deletes their details, what they agreed to, their invitations and messages, and their answers held for research, from both stores. It cannot be undone.
        </WarningText>
        <Form method="post" noValidate>
          <CsrfInput />
          <input type="hidden" name="intent" value="erase" />
          <TextInput name="confirm" label="Type ERASE to confirm" autoComplete="off" spellCheck={false} className="govuk-input--width-10" error={errorFor('confirm')} />
          <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button">
            Erase this member
          </button>
        </Form>
      </div>
    </div>
  );
}
