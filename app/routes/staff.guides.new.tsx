import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { PROGRAMMES } from '#db/reference/programmes';
import { requireCsrf } from '~/auth/csrf.server';
import { requireRole } from '~/auth/guards.server';
import { ChoiceFields } from '~/components/choice-fields';
import { CsrfInput } from '~/components/csrf-input';
import { ErrorSummary, type FieldError } from '~/components/error-summary';
import { FileField } from '~/components/file-field';
import { TextArea } from '~/components/text-area';
import { TextInput } from '~/components/text-input';
import { recordAudit } from '~/governance/audit.server';
import { GUIDE_PUBLISHERS, uploadedFile } from '~/guides/guide-access.server';
import { checkGuideFile, MAX_GUIDE_BYTES } from '~/guides/guide-files.server';
import { NEW_GUIDE_LISTS, newGuideSchema } from '~/guides/guide-forms';
import { GUIDE_AUDIENCES, GUIDE_THEMES } from '~/guides/vocabulary';
import { publishGuide } from '~/research/guides.server';
import { formValues, parseForm } from '~/utils/form';
import { formState } from '~/utils/form-state';

export const meta: MetaFunction = () => [{ title: 'Publish a guide – Family Voice' }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ...GUIDE_PUBLISHERS);
  return { maxMegabytes: MAX_GUIDE_BYTES / 1024 / 1024 };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, ...GUIDE_PUBLISHERS);
  const form = await request.formData();
  await requireCsrf(request, form);
  const parsed = parseForm(newGuideSchema, form, NEW_GUIDE_LISTS);
  const errors: FieldError[] = parsed.ok ? [] : [...parsed.errors];
  const upload = await uploadedFile(form);
  const file = upload ? checkGuideFile(upload.name, upload.bytes) : null;
  if (!file) errors.push({ field: 'file', message: 'Select the guide’s file' });
  else if (!file.ok) errors.push({ field: 'file', message: file.message });
  const values = formValues(form, NEW_GUIDE_LISTS);
  if (!parsed.ok || !file?.ok || errors.length > 0) return { errors, values };
  const published = await publishGuide({ ...parsed.data, file });
  if (!published.ok) return { errors: [{ field: published.field, message: published.message }] satisfies FieldError[], values };
  await recordAudit({ who: user.id, what: 'guides.publish', subjectType: 'guide', subjectId: published.versionId, correlationId: context.requestId, details: { guide: published.slug, version: parsed.data.version, sha256: file.sha256 } });
  throw redirect(`/guides/${published.slug}?published=1`);
}

export default function PublishGuide() {
  const { maxMegabytes } = useLoaderData<typeof loader>();
  const { errors, errorFor, text, list } = formState(useActionData<typeof action>());
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/guides" className="govuk-back-link">
          Back to good-practice guides
        </Link>
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Publish a guide</h1>
        <p className="govuk-body">To publish a new version of a guide already here, open the guide and choose “Publish a new version”.</p>
        <Form method="post" encType="multipart/form-data" noValidate>
          <CsrfInput />
          <TextInput name="title" label="Title" defaultValue={text('title')} error={errorFor('title')} maxLength={150} />
          <TextArea name="summary" label="Summary" hint="What the guide covers and who will find it useful, in a few sentences." defaultValue={text('summary')} error={errorFor('summary')} maxLength={1500} />
          <ChoiceFields name="themes" legend="Themes" hint="Select all that apply." multiple options={[...GUIDE_THEMES]} selected={list('themes')} error={errorFor('themes')} />
          <ChoiceFields name="programmes" legend="Programmes" hint="Select all that apply." multiple options={PROGRAMMES.map((programme) => ({ value: programme.code, label: programme.name }))} selected={list('programmes')} error={errorFor('programmes')} />
          <ChoiceFields name="audiences" legend="Who it is for" hint="Select all that apply." multiple options={[...GUIDE_AUDIENCES]} selected={list('audiences')} error={errorFor('audiences')} />
          <ChoiceFields
            name="isPublic"
            legend="Who can read it"
            options={[
              { value: 'yes', label: 'Anyone, on the public website' },
              { value: 'no', label: 'Signed-in local authority officers and staff only' },
            ]}
            selected={[text('isPublic')]}
            error={errorFor('isPublic')}
          />
          <TextInput name="version" label="Version number" hint="For example, 1.0" className="govuk-input--width-5" defaultValue={text('version') || '1.0'} error={errorFor('version')} maxLength={20} />
          <FileField
            name="file"
            label="The guide’s file"
            hint={`A Word document (.docx), a PDF or a Markdown file (.md), up to ${maxMegabytes} MB. Markdown guides are also shown as a web page.`}
            accept=".docx,.pdf,.md,.markdown,.txt"
            error={errorFor('file')}
          />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Publish the guide
          </button>
        </Form>
      </div>
    </div>
  );
}
