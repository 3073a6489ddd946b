import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { PROGRAMMES } from '#db/reference/programmes';
import { FilterSelect } from '~/components/filter-select';
import { canPublishGuides, guideReader } from '~/guides/guide-access.server';
import { audienceLabel, GUIDE_AUDIENCES, GUIDE_FORMATS, GUIDE_THEMES, themeLabel, type GuideFormat } from '~/guides/vocabulary';
import { listGuides } from '~/research/guides.server';

export const meta: MetaFunction = () => [{ title: 'Good-practice guides – Family Voice' }];

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/London' });
const programmeName = (code: string) => PROGRAMMES.find((programme) => programme.code === code)?.name ?? code;

/** Only values from the lists filter; anything else typed into the address is ignored. */
function pick(value: string | null, allowed: readonly { value: string }[]): string | undefined {
  return value && allowed.some((item) => item.value === value) ? value : undefined;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { reader, user } = await guideReader(request);
  const params = new URL(request.url).searchParams;
  const filters = {
    q: (params.get('q') ?? '').trim().slice(0, 100),
    theme: pick(params.get('theme'), GUIDE_THEMES),
    programme: pick(params.get('programme'), PROGRAMMES.map((programme) => ({ value: programme.code }))),
    audience: pick(params.get('audience'), GUIDE_AUDIENCES),
  };
  const guides = await listGuides(reader, filters);
  return {
    filters,
    filtered: Boolean(filters.q || filters.theme || filters.programme || filters.audience),
    signedIn: reader.signedIn,
    canPublish: canPublishGuides(user),
    guides: guides.map((guide) => ({
      slug: guide.slug,
      title: guide.title,
      summary: guide.summary,
      themes: guide.themes.map(themeLabel),
      programmes: guide.programmes.map(programmeName),
      audiences: guide.audiences.map(audienceLabel),
      isPublic: guide.isPublic,
      version: guide.version,
      format: GUIDE_FORMATS[guide.format as GuideFormat] ?? guide.format,
      published: dateFormat.format(guide.publishedAt),
    })),
  };
}

export default function Guides() {
  const { filters, filtered, guides, signedIn, canPublish } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">Good-practice guides</h1>
          <p className="govuk-body">
            Guides and toolkits for local authorities and their partners on hearing from families and using what they say, drawn from the areas doing it
            well and from what families told us.
          </p>
          {signedIn ? null : (
            <p className="govuk-body">
              Work for a local authority? <Link to="/sign-in?redirectTo=%2Fguides" className="govuk-link">Sign in</Link> to see every guide and rate them.
            </p>
          )}
          {canPublish ? (
            <Link to="/staff/guides/new" role="button" draggable="false" className="govuk-button" data-module="govuk-button">
              Publish a guide
            </Link>
          ) : null}
        </div>
      </div>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third">
          <Form method="get" className="app-filter" aria-label="Find a guide">
            <h2 className="govuk-heading-m">Find a guide</h2>
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="filter-q">
                Search titles and summaries
              </label>
              <input className="govuk-input" id="filter-q" name="q" type="search" defaultValue={filters.q} maxLength={100} />
            </div>
            <FilterSelect name="theme" label="Theme" value={filters.theme} any="Any theme" options={[...GUIDE_THEMES]} />
            <FilterSelect name="programme" label="Programme" value={filters.programme} any="Any programme" options={PROGRAMMES.map((programme) => ({ value: programme.code, label: programme.name }))} />
            <FilterSelect name="audience" label="Who it is for" value={filters.audience} any="Anyone" options={[...GUIDE_AUDIENCES]} />
            <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
              Show guides
            </button>
            {filtered ? (
              <p className="govuk-body">
                <Link to="/guides" className="govuk-link">
                  Clear the search and filters
                </Link>
              </p>
            ) : null}
          </Form>
        </div>
        <div className="govuk-grid-column-two-thirds">
          <h2 className="govuk-heading-m" aria-live="polite">
            {guides.length === 1 ? '1 guide' : `${guides.length} guides`}
            {filtered ? ' found' : ''}
          </h2>
          {guides.length === 0 ? <p className="govuk-body">{filtered ? 'No guides match. Try fewer words or another filter.' : 'No guides have been published yet.'}</p> : null}
          <ul className="govuk-list">
            {guides.map((guide) => (
              <li key={guide.slug} className="app-card">
                <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
                  <Link to={`/guides/${guide.slug}`} className="govuk-link">
                    {guide.title}
                  </Link>
                </h3>
                <p className="govuk-body-s govuk-!-margin-bottom-1">
                  {guide.format}, version {guide.version}, published {guide.published}
                  {signedIn && !guide.isPublic ? ' · for local authorities and staff only' : ''}
                </p>
                <p className="govuk-body govuk-!-margin-bottom-1 app-break-words">{guide.summary}</p>
                <p className="govuk-body-s govuk-!-margin-bottom-0">
                  {guide.themes.join(', ')}. For {guide.audiences.join(', ').toLowerCase()}. {guide.programmes.join(', ')}.
                </p>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </>
  );
}
