import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { requireCsrf } from '~/auth/csrf.server';
import { requireRole } from '~/auth/guards.server';
import { CsrfInput } from '~/components/csrf-input';
import { ErrorSummary, type FieldError } from '~/components/error-summary';
import { FileField } from '~/components/file-field';
import { TextArea } from '~/components/text-area';
import { TextInput } from '~/components/text-input';
import { recordAudit } from '~/governance/audit.server';
import { GUIDE_PUBLISHERS, uploadedFile } from '~/guides/guide-access.server';
import { checkGuideFile, MAX_GUIDE_BYTES } from '~/guides/guide-files.server';
import { newVersionSchema } from '~/guides/guide-forms';
import { addGuideVersion, getGuide } from '~/research/guides.server';
import { formValues, parseForm } from '~/utils/form';
import { formState } from '~/utils/form-state';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `New version of ${data?.title ?? 'a guide'} – Family Voice` }];

async function requireGuide(slug: string | undefined) {
  const guide = await getGuide(slug ?? '', { signedIn: true });
  if (!guide) throw new Response('Not found', { status: 404 });
  return guide;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, ...GUIDE_PUBLISHERS);
  const guide = await requireGuide(params.slug);
  return { slug: guide.slug, title: guide.title, latest: guide.versions[0]!.version, maxMegabytes: MAX_GUIDE_BYTES / 1024 / 1024 };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, ...GUIDE_PUBLISHERS);
  const guide = await requireGuide(params.slug);
  const form = await request.formData();
  await requireCsrf(request, form);
  const parsed = parseForm(newVersionSchema, form);
  const errors: FieldError[] = parsed.ok ? [] : [...parsed.errors];
  const upload = await uploadedFile(form);
  const file = upload ? checkGuideFile(upload.name, upload.bytes) : null;
  if (!file) errors.push({ field: 'file', message: 'Select the new version’s file' });
  else if (!file.ok) errors.push({ field: 'file', message: file.message });
  const values = formValues(form);
  if (!parsed.ok || !file?.ok || errors.length > 0) return { errors, values };
  const added = await addGuideVersion({ slug: guide.slug, version: parsed.data.version, changes: parsed.data.changes, file });
  if (!added.ok) return { errors: [{ field: added.field, message: added.message }] satisfies FieldError[], values };
  await recordAudit({ who: user.id, what: 'guides.version', subjectType: 'guide', subjectId: added.versionId, correlationId: context.requestId, details: { guide: guide.slug, version: parsed.data.version, sha256: file.sha256 } });
  throw redirect(`/guides/${guide.slug}?published=1`);
}

export default function NewGuideVersion() {
  const { slug, title, latest, maxMegabytes } = useLoaderData<typeof loader>();
  const { errors, errorFor, text } = formState(useActionData<typeof action>());
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/guides/${slug}`} className="govuk-back-link">
          Back to the guide
        </Link>
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{title}</span>
        <h1 className="govuk-heading-l">Publish a new version</h1>
        <p className="govuk-body">The newest version now is {latest}. Earlier versions stay available from the guide’s page.</p>
        <Form method="post" encType="multipart/form-data" noValidate>
          <CsrfInput />
          <TextInput name="version" label="Version number" className="govuk-input--width-5" defaultValue={text('version')} error={errorFor('version')} maxLength={20} />
          <TextArea name="changes" label="What has changed" rows={3} defaultValue={text('changes')} error={errorFor('changes')} maxLength={1000} />
          <FileField name="file" label="The new version’s file" hint={`A Word document (.docx), a PDF or a Markdown file (.md), up to ${maxMegabytes} MB.`} accept=".docx,.pdf,.md,.markdown,.txt" error={errorFor('file')} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Publish the new version
          </button>
        </Form>
      </div>
    </div>
  );
}
