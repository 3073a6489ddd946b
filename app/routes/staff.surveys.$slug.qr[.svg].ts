import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireRole } from '~/auth/guards.server';
import { canMakeLinksFor, LINK_MAKERS, linkableAuthorities } from '~/links/link-scope.server';
import { distributionLinkSchema, distributionUrl, qrCodeSvg } from '~/surveys/links.server';
import { requireSurvey } from '~/surveys/route-helpers.server';

/** The QR code for a distribution link, as an SVG file to download. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ...LINK_MAKERS);
  const survey = requireSurvey(params.slug, { staff: true });
  if (!canMakeLinksFor(user, survey.id)) return new Response('You cannot make links for this question set', { status: 403 });
  const url = new URL(request.url);
  const parsed = distributionLinkSchema.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) return new Response('Invalid link details', { status: 400 });
  if (user.role === 'la_officer') parsed.data.la ??= user.laCode ?? undefined;
  if (parsed.data.la && user.role !== 'administrator') {
    const allowed = await linkableAuthorities(user);
    if (!allowed.some((la) => la.code === parsed.data.la)) return new Response(user.role === 'la_officer' ? 'Not your local authority' : 'Not your region', { status: 403 });
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
