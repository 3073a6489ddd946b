import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { requireRole } from '~/auth/guards.server';
import { ErrorSummary } from '~/components/error-summary';
import { listLocalAuthorities, listProgrammes } from '~/research/reference.server';
import { distributionLinkSchema, distributionUrl, qrCodeSvg } from '~/surveys/links.server';
import { requireSurvey } from '~/surveys/route-helpers.server';

export const meta: MetaFunction = () => [{ title: 'Make a link or QR code – Family Voice' }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'facilitator', 'administrator');
  const survey = requireSurvey(params.slug);
  const url = new URL(request.url);
  const [las, programmes] = await Promise.all([
    listLocalAuthorities({ regionCodes: user.role === 'facilitator' ? user.regionCodes : undefined }),
    listProgrammes(),
  ]);
  const base = { slug: survey.id, title: survey.text[survey.locales[0]!]!.title, las, programmes, values: Object.fromEntries(url.searchParams) };
  if (!url.searchParams.has('make')) return { ...base, errors: [], link: null };

  const parsed = distributionLinkSchema.safeParse(Object.fromEntries(url.searchParams));
  const errors = parsed.success ? [] : parsed.error.issues.map((issue) => ({ field: String(issue.path[0]), message: issue.message }));
  // A facilitator makes links for the local authorities in their own regions only.
  if (parsed.success && parsed.data.la && !las.some((la) => la.code === parsed.data.la)) {
    errors.push({ field: 'la', message: 'Choose a local authority in your regions' });
  }
  if (!parsed.success || errors.length > 0) return { ...base, errors, link: null };
  const link = distributionUrl({ origin: url.origin, surveyId: survey.id, link: parsed.data });
  const svg = await qrCodeSvg(link);
  return { ...base, errors, link: { url: link, qr: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`, query: new URLSearchParams(parsed.data as Record<string, string>).toString() } };
}

export default function MakeLink() {
  const data = useLoaderData<typeof loader>();
  const error = (field: string) => data.errors.find((candidate) => candidate.field === field)?.message;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/staff/surveys" className="govuk-back-link">
          Back to question sets
        </Link>
        <ErrorSummary errors={data.errors} />
        <span className="govuk-caption-l">{data.title}</span>
        <h1 className="govuk-heading-l">Make a link or QR code</h1>
        <p className="govuk-body">Answers that come through the link record where it was shared. Families can still say where they live.</p>
        <Form method="get" noValidate>
          <input type="hidden" name="make" value="1" />
          <div className={`govuk-form-group${error('la') ? ' govuk-form-group--error' : ''}`}>
            <label className="govuk-label" htmlFor="la">
              Local authority (optional)
            </label>
            {error('la') ? (
              <p id="la-error" className="govuk-error-message">
                <span className="govuk-visually-hidden">Error:</span> {error('la')}
              </p>
            ) : null}
            <select className="govuk-select" id="la" name="la" defaultValue={data.values.la ?? ''} aria-describedby={error('la') ? 'la-error' : undefined}>
              <option value="">Any</option>
              {data.las.map((la) => (
                <option key={la.code} value={la.code}>
                  {la.name}
                </option>
              ))}
            </select>
          </div>
          <div className="govuk-form-group">
            <label className="govuk-label" htmlFor="programme">
              Programme (optional)
            </label>
            <select className="govuk-select" id="programme" name="programme" defaultValue={data.values.programme ?? ''}>
              <option value="">Any</option>
              {data.programmes.map((programme) => (
                <option key={programme.code} value={programme.code}>
                  {programme.name}
                </option>
              ))}
            </select>
          </div>
          <div className={`govuk-form-group${error('channel') ? ' govuk-form-group--error' : ''}`}>
            <label className="govuk-label" htmlFor="channel">
              Where you will share it (optional)
            </label>
            <div id="channel-hint" className="govuk-hint">
              For example hub-poster, health-visitor-leaflet or school-newsletter
            </div>
            {error('channel') ? (
              <p id="channel-error" className="govuk-error-message">
                <span className="govuk-visually-hidden">Error:</span> {error('channel')}
              </p>
            ) : null}
            <input
              className={`govuk-input govuk-!-width-two-thirds${error('channel') ? ' govuk-input--error' : ''}`}
              id="channel"
              name="channel"
              type="text"
              defaultValue={data.values.channel ?? ''}
              aria-describedby={`channel-hint${error('channel') ? ' channel-error' : ''}`}
              spellCheck={false}
            />
          </div>
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Make the link
          </button>
        </Form>
        {data.link ? (
          <>
            <h2 className="govuk-heading-m">Your link</h2>
            <p className="govuk-body app-break-words">
              <a className="govuk-link" href={data.link.url}>
                {data.link.url}
              </a>
            </p>
            <img src={data.link.qr} alt={`QR code for ${data.link.url}`} width={200} height={200} />
            <p className="govuk-body">
              <a className="govuk-link" href={`/staff/surveys/${data.slug}/qr.svg?${data.link.query}`} download={`${data.slug}-qr.svg`}>
                Download the QR code (SVG)
              </a>
            </p>
          </>
        ) : null}
      </div>
    </div>
  );
}
