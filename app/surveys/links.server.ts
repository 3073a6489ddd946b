import { publicUrl } from '~/utils/public-url.server';
import QRCode from 'qrcode';
import { z } from 'zod';
import { PROGRAMME_CODES } from '#db/reference/programmes';
import { CHANNELS, type Channel } from './vocabulary';

/** What a facilitator puts into a distribution link; each part optional. */
export const distributionLinkSchema = z.object({
  la: z
    .string()
    .regex(/^E(06|08|09|10)\d{6}$/, 'Choose a local authority from the list')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  programme: z
    .enum(PROGRAMME_CODES)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  channel: z
    .enum(Object.keys(CHANNELS) as [Channel], { errorMap: () => ({ message: 'Choose where you will share the link from the list' }) })
    .optional()
    .or(z.literal('').transform(() => undefined)),
});
export type DistributionLink = z.infer<typeof distributionLinkSchema>;

/** The public address families open, recording where they came from. */
export function distributionUrl({ surveyId, link }: { surveyId: string; link: DistributionLink }): string {
  const url = new URL(publicUrl(`/surveys/${surveyId}`));
  for (const [key, value] of Object.entries(link)) if (value) url.searchParams.set(key, value);
  return url.toString();
}

/** The same address as a QR code (SVG), for posters and leaflets. */
export function qrCodeSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
