import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireRole } from '~/auth/guards.server';
import { listLocalAuthorities } from '~/research/reference.server';
import { distributionLinkSchema, distributionUrl, qrCodeSvg } from '~/surveys/links.server';
import { requireSurvey } from '~/surveys/route-helpers.server';

/** The QR code for a distribution link, as an SVG file to download. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'facilitator', 'administrator');
  const survey = requireSurvey(params.slug);
  const url = new URL(request.url);
  const parsed = distributionLinkSchema.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) return new Response('Invalid link details', { status: 400 });
  if (parsed.data.la && user.role === 'facilitator') {
    const allowed = await listLocalAuthorities({ regionCodes: user.regionCodes });
    if (!allowed.some((la) => la.code === parsed.data.la)) return new Response('Not your region', { status: 403 });
  }
  const svg = await qrCodeSvg(distributionUrl({ surveyId: survey.id, link: parsed.data }));
  return new Response(svg, {
    headers: {
      'Content-Type': 'image/svg+xml',
      'Content-Disposition': `attachment; filename="${survey.id}-qr.svg"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
