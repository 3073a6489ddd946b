import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { requireCsrf } from '~/auth/csrf.server';
import { requireRole } from '~/auth/guards.server';
import { codeOption, TOP_LEVEL_OPTION } from '~/research/code-labels';
import { TextArea } from '~/components/choice-fields';
import { CsrfInput } from '~/components/csrf-input';
import { ErrorSummary } from '~/components/error-summary';
import { SelectField } from '~/components/select-field';
import { TextInput } from '~/components/text-input';
import { recordAudit } from '~/governance/audit.server';
import { addCode, applicableCodes, CodebookError, newCodeSchema } from '~/research/codebook.server';
import { parseForm } from '~/utils/form';

export const meta: MetaFunction = () => [{ title: 'Add a code – Family Voice' }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'analyst', 'administrator');
  return { parents: await parentChoices() };
}

async function parentChoices() {
  const codes = await applicableCodes();
  return [TOP_LEVEL_OPTION, ...codes.map(codeOption)];
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, 'analyst', 'administrator');
  const form = await request.formData();
  await requireCsrf(request, form);
  const parsed = parseForm(newCodeSchema, form);
  if (!parsed.ok) return { errors: parsed.errors, values: parsed.values };
  try {
    const code = await addCode(parsed.data);
    await recordAudit({ who: user.id, what: 'codes.create', subjectType: 'code', subjectId: code.id, correlationId: context.requestId });
    throw redirect(`/staff/codebook/${code.id}?added=1`);
  } catch (error) {
    if (error instanceof CodebookError) return { errors: [{ field: error.field, message: error.message }], values: Object.fromEntries(form) as Record<string, string> };
    throw error;
  }
}

export default function NewCode() {
  const { parents } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? [];
  const values = (result?.values ?? {}) as Record<string, string>;
  const errorFor = (field: string) => errors.find((error) => error.field === field)?.message;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/staff/codebook" className="govuk-back-link">
          Back to the codebook
        </Link>
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Add a code</h1>
        <Form method="post" noValidate>
          <CsrfInput />
          <TextInput name="name" label="Name" hint="Short and plain, as it would appear in a report." error={errorFor('name')} defaultValue={values.name} spellCheck />
          <TextArea name="description" label="What it covers (optional)" hint="So other analysts apply it the same way." error={errorFor('description')} defaultValue={values.description} />
          <SelectField name="parentId" label="Under which code (optional)" options={parents} defaultValue={values.parentId ?? ''} error={errorFor('parentId')} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Add the code
          </button>
        </Form>
      </div>
    </div>
  );
}
