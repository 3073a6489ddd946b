import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { z } from 'zod';
import { requireCsrf } from '~/auth/csrf.server';
import { requireRole } from '~/auth/guards.server';
import { CsrfInput } from '~/components/csrf-input';
import { ErrorSummary } from '~/components/error-summary';
import { SuccessBanner } from '~/components/success-banner';
import { TextArea } from '~/components/text-area';
import { recordAudit } from '~/governance/audit.server';
import { EDITABLE_PAGES, getSitePage, isEditablePage, saveSitePage } from '~/research/site-pages.server';
import { parseForm } from '~/utils/form';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Edit the ${data?.title.toLowerCase() ?? 'page'} – Family Voice` }];

const pageSchema = z.object({ markdown: z.string().trim().min(1, 'Enter the page’s text').max(50_000, 'The text must be 50,000 characters or fewer') });

function requirePage(slug: string | undefined) {
  if (!slug || !isEditablePage(slug)) throw new Response('Not found', { status: 404 });
  return slug;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, 'administrator');
  const slug = requirePage(params.page);
  const page = await getSitePage(slug);
  return { title: EDITABLE_PAGES[slug].title, path: EDITABLE_PAGES[slug].path, markdown: page?.markdown ?? '' };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, 'administrator');
  const slug = requirePage(params.page);
  const form = await request.formData();
  await requireCsrf(request, form);
  const parsed = parseForm(pageSchema, form);
  if (!parsed.ok) return { errors: parsed.errors, markdown: String(form.get('markdown') ?? '') };
  await saveSitePage({ slug, title: EDITABLE_PAGES[slug].title, markdown: parsed.data.markdown });
  await recordAudit({ who: user.id, what: 'site.page-edit', subjectType: 'site_page', subjectId: slug, correlationId: context.requestId, details: { characters: parsed.data.markdown.length } });
  throw redirect(`/staff/site/${slug}?saved=1`);
}

export default function EditSitePage() {
  const { title, path, markdown } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? [];
  const [search] = useSearchParams();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/staff" className="govuk-back-link">
          Back to your tasks
        </Link>
        <ErrorSummary errors={errors} />
        {search.get('saved') ? <SuccessBanner message={`Saved. The ${title.toLowerCase()} on the public site now shows this text.`} /> : null}
        <h1 className="govuk-heading-l">Edit the {title.toLowerCase()}</h1>
        <p className="govuk-body">
          Write in Markdown: <code>## Heading</code>, <code>- a list item</code>, <code>[link text](https://www.gov.uk)</code> and tables. HTML is shown as
          text, not run. <Link to={path} className="govuk-link">See the page as the public does</Link>.
        </p>
        <Form method="post" noValidate>
          <CsrfInput />
          <TextArea name="markdown" label="The page’s text" rows={25} defaultValue={result?.markdown ?? markdown} error={errors[0]?.message} maxLength={50_000} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Save and publish
          </button>
        </Form>
      </div>
    </div>
  );
}
