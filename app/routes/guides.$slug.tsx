import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { PROGRAMMES } from '#db/reference/programmes';
import { requireCsrf } from '~/auth/csrf.server';
import { ChoiceFields } from '~/components/choice-fields';
import { CsrfInput } from '~/components/csrf-input';
import { ErrorSummary, type FieldError } from '~/components/error-summary';
import { SuccessBanner } from '~/components/success-banner';
import { TextArea } from '~/components/text-area';
import { canPublishGuides, canRateGuides, guideReader, namedDownloadCounts, raterFor } from '~/guides/guide-access.server';
import { ratingSchema } from '~/guides/guide-forms';
import { audienceLabel, GUIDE_FORMATS, RATING_LABELS, themeLabel, type GuideFormat } from '~/guides/vocabulary';
import { getGuide, guideVersionFile, isGuideVersion, rateGuideVersion, ratingsBy } from '~/research/guides.server';
import { parseForm } from '~/utils/form';
import { renderMarkdown } from '~/utils/markdown.server';
import { scrubPersonalData } from '~/utils/scrub';
import { WarningText } from '~/components/warning-text';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.guide.title ?? 'Guide'} – Family Voice` }];

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/London' });
const sizeText = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);
const RATING_OPTIONS = [5, 4, 3, 2, 1].map((score) => ({ value: String(score), label: `${score}: ${RATING_LABELS[score]}` }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { reader, user } = await guideReader(request);
  const guide = await getGuide(params.slug ?? '', reader);
  if (!guide) throw new Response('Not found', { status: 404 });
  const asked = new URL(request.url).searchParams.get('version');
  const shown = guide.versions.find((version) => version.id === asked) ?? guide.versions[0]!;
  const file = shown.format === 'markdown' ? await guideVersionFile(guide.slug, shown.id, reader) : null;
  const own = canRateGuides(user) ? (await ratingsBy(raterFor(user), [shown.id]))[0] : undefined;
  const downloads = canPublishGuides(user) ? await namedDownloadCounts(guide.slug) : [];
  return {
    guide: {
      slug: guide.slug,
      title: guide.title,
      summary: guide.summary,
      themes: guide.themes.map(themeLabel),
      programmes: guide.programmes.map((code) => PROGRAMMES.find((programme) => programme.code === code)?.name ?? code),
      audiences: guide.audiences.map(audienceLabel),
      isPublic: guide.isPublic,
    },
    shown: {
      id: shown.id,
      version: shown.version,
      latest: shown.id === guide.versions[0]!.id,
      format: GUIDE_FORMATS[shown.format as GuideFormat] ?? shown.format,
      size: sizeText(shown.sizeBytes),
      sha256: shown.sha256,
      published: dateFormat.format(shown.publishedAt),
      html: file ? renderMarkdown(new TextDecoder().decode(file.content), { firstHeading: 2 }) : null,
    },
    versions: guide.versions.map((version) => ({ id: version.id, version: version.version, changes: version.changes, published: dateFormat.format(version.publishedAt) })),
    canRate: canRateGuides(user),
    canPublish: canPublishGuides(user),
    own: own ? { quality: String(own.quality), usefulness: String(own.usefulness), comment: own.comment } : null,
    downloads,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { reader, user } = await guideReader(request);
  const form = await request.formData();
  await requireCsrf(request, form);
  if (!canRateGuides(user)) throw new Response('Only local authority officers rate guides', { status: 403, statusText: 'Forbidden' });
  const guide = await getGuide(params.slug ?? '', reader);
  if (!guide) throw new Response('Not found', { status: 404 });
  const parsed = parseForm(ratingSchema, form);
  if (!parsed.ok) return { errors: parsed.errors };
  if (!(await isGuideVersion(guide.slug, parsed.data.versionId))) return { errors: [{ field: 'quality', message: 'Choose a version of this guide' }] satisfies FieldError[] };
  await rateGuideVersion({
    versionId: parsed.data.versionId,
    rater: raterFor(user),
    laCode: user.laCode,
    quality: parsed.data.quality,
    usefulness: parsed.data.usefulness,
    comment: scrubPersonalData(parsed.data.comment),
  });
  throw redirect(`/guides/${guide.slug}?version=${parsed.data.versionId}&rated=1#rate`);
}

export default function GuidePage() {
  const { guide, shown, versions, canRate, canPublish, own, downloads } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.errors ?? [];
  const [search] = useSearchParams();
  const errorFor = (field: string) => errors.find((error) => error.field === field)?.message;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/guides" className="govuk-back-link">
          Back to good-practice guides
        </Link>
        <ErrorSummary errors={errors} />
        {search.get('rated') ? <SuccessBanner message="Thank you. Your rating has been saved. You can change it at any time." /> : null}
        {search.get('published') ? <SuccessBanner message="The guide has been published." /> : null}
        <span className="govuk-caption-l">Good-practice guide</span>
        <h1 className="govuk-heading-l app-break-words">{guide.title}</h1>
        <p className="govuk-body-l app-break-words">{guide.summary}</p>
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Themes</dt>
            <dd className="govuk-summary-list__value">{guide.themes.join(', ')}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Programmes</dt>
            <dd className="govuk-summary-list__value">{guide.programmes.join(', ')}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">For</dt>
            <dd className="govuk-summary-list__value">{guide.audiences.join(', ')}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Version</dt>
            <dd className="govuk-summary-list__value">
              {shown.version}, published {shown.published}
              {shown.latest ? ' (the newest)' : ' (an earlier version)'}
            </dd>
          </div>
        </dl>
        {shown.latest ? null : (
          <WarningText>
            This is an earlier version. <Link to={`/guides/${guide.slug}`} className="govuk-link">Read the newest version</Link>.
          </WarningText>
        )}
        <p className="govuk-body">
          <a href={`/guides/${guide.slug}/files/${shown.id}`} className="govuk-link" download>
            Download the guide ({shown.format}, {shown.size})
          </a>
        </p>
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Check the file is the one we published</span>
          </summary>
          <div className="govuk-details__text">
            <p className="govuk-body">Its SHA-256 checksum is:</p>
            <p className="govuk-body app-break-words">
              <code>{shown.sha256}</code>
            </p>
          </div>
        </details>
        {canPublish ? (
          <p className="govuk-body">
            <Link to={`/staff/guides/${guide.slug}/version`} className="govuk-link">
              Publish a new version of this guide
            </Link>
          </p>
        ) : null}

        {shown.html ? (
          <section aria-labelledby="guide-text" className="app-guide-text">
            <h2 className="govuk-heading-l" id="guide-text">
              The guide
            </h2>
            {/* Rendered from Markdown with raw HTML escaped and only safe links: see markdown.server.ts. */}
            <div dangerouslySetInnerHTML={{ __html: shown.html }} />
          </section>
        ) : null}

        {canRate ? (
          <section aria-labelledby="rate" className="govuk-!-margin-top-6">
            <h2 className="govuk-heading-m" id="rate">
              Rate version {shown.version}
            </h2>
            <p className="govuk-body">Your rating counts towards how the project is judged. It is kept with your authority, not your name.</p>
            <Form method="post" noValidate>
              <CsrfInput />
              <input type="hidden" name="versionId" value={shown.id} />
              <ChoiceFields name="quality" legend="How good is the guide’s quality?" options={RATING_OPTIONS} selected={own ? [own.quality] : []} error={errorFor('quality')} />
              <ChoiceFields name="usefulness" legend="How useful is it to your work?" options={RATING_OPTIONS} selected={own ? [own.usefulness] : []} error={errorFor('usefulness')} />
              <TextArea name="comment" label="Anything you would like to tell us about it (optional)" hint="Do not include anyone’s name or contact details." defaultValue={own?.comment ?? ''} error={errorFor('comment')} maxLength={1000} />
              <button type="submit" className="govuk-button" data-module="govuk-button">
                {own ? 'Change your rating' : 'Send your rating'}
              </button>
            </Form>
          </section>
        ) : null}

        {versions.length > 1 ? (
          <section aria-labelledby="versions">
            <h2 className="govuk-heading-m" id="versions">
              All versions
            </h2>
            <ul className="govuk-list">
              {versions.map((version) => (
                <li key={version.id}>
                  {version.id === shown.id ? (
                    <strong>Version {version.version}</strong>
                  ) : (
                    <Link to={`/guides/${guide.slug}?version=${version.id}`} className="govuk-link">
                      Version {version.version}
                    </Link>
                  )}
                  , published {version.published}
                  {version.changes ? `: ${version.changes}` : ''}
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {canPublish ? (
          <section aria-labelledby="downloads">
            <h2 className="govuk-heading-m" id="downloads">
              Downloads
            </h2>
            {downloads.length === 0 ? (
              <p className="govuk-body">Nobody has downloaded it yet.</p>
            ) : (
              <table className="govuk-table">
                <caption className="govuk-table__caption govuk-table__caption--s">Downloads of every version, by month and local authority</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">Month</th>
                    <th scope="col" className="govuk-table__header">Local authority</th>
                    <th scope="col" className="govuk-table__header govuk-table__header--numeric">Downloads</th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {downloads.map((row) => (
                    <tr className="govuk-table__row" key={`${row.month}-${row.laCode}`}>
                      <td className="govuk-table__cell">{row.month}</td>
                      <td className="govuk-table__cell">{row.la}</td>
                      <td className="govuk-table__cell govuk-table__cell--numeric">{row.downloads}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        ) : null}
      </div>
    </div>
  );
}
