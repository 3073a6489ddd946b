import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { requireRole } from '~/auth/guards.server';
import { ErrorSummary } from '~/components/error-summary';
import { canMakeLinksFor, LINK_MAKERS, linkableAuthorities } from '~/links/link-scope.server';
import { listProgrammes } from '~/research/reference.server';
import { distributionLinkSchema, distributionUrl, qrCodeSvg } from '~/surveys/links.server';
import { requireSurvey } from '~/surveys/route-helpers.server';
import { CHANNELS } from '~/surveys/vocabulary';
import { SelectField } from '~/components/select-field';

export const meta: MetaFunction = () => [{ title: 'Make a link or QR code – Family Voice' }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ...LINK_MAKERS);
  const survey = requireSurvey(params.slug, { staff: true });
  if (!canMakeLinksFor(user, survey.id)) throw new Response('You cannot make links for this question set', { status: 403, statusText: 'Forbidden' });
  const url = new URL(request.url);
  const [las, programmes] = await Promise.all([linkableAuthorities(user), listProgrammes()]);
  const ownArea = user.role === 'la_officer';
  const base = { slug: survey.id, title: survey.text[survey.locales[0]!]!.title, las, programmes, ownArea, values: Object.fromEntries(url.searchParams) };
  if (!url.searchParams.has('make')) return { ...base, errors: [], link: null };

  const parsed = distributionLinkSchema.safeParse(Object.fromEntries(url.searchParams));
  const errors = parsed.success ? [] : parsed.error.issues.map((issue) => ({ field: String(issue.path[0]), message: issue.message }));
  // An officer's link always names their own authority.
  if (parsed.success && ownArea) parsed.data.la ??= user.laCode ?? undefined;
  // A facilitator makes links for the local authorities in their own regions only; an officer for their own.
  if (parsed.success && parsed.data.la && !las.some((la) => la.code === parsed.data.la)) {
    if (ownArea) throw new Response('You can only make links for your own local authority', { status: 403, statusText: 'Forbidden' });
    errors.push({ field: 'la', message: 'Choose a local authority in your regions' });
  }
  if (!parsed.success || errors.length > 0) return { ...base, errors, link: null };
  const link = distributionUrl({ surveyId: survey.id, link: parsed.data });
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
          <SelectField
            name="la"
            label={data.ownArea ? 'Local authority' : 'Local authority (optional)'}
            defaultValue={data.values.la ?? ''}
            error={error('la')}
            options={[...(data.ownArea ? [] : [{ value: '', label: 'Any' }]), ...data.las.map((la) => ({ value: la.code, label: la.name }))]}
          />
          <SelectField
            name="programme"
            label="Programme (optional)"
            defaultValue={data.values.programme ?? ''}
            options={[{ value: '', label: 'Any' }, ...data.programmes.map((programme) => ({ value: programme.code, label: programme.name }))]}
          />
          <SelectField
            name="channel"
            label="Where you will share it (optional)"
            error={error('channel')}
            defaultValue={data.values.channel ?? ''}
            options={[{ value: '', label: 'Not saying' }, ...Object.entries(CHANNELS).map(([value, label]) => ({ value, label }))]}
          />
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
