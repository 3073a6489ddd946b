import type { LoaderFunctionArgs } from '@remix-run/node';
import { downloadCount, guideReader } from '~/guides/guide-access.server';
import { countGuideDownload, guideVersionFile } from '~/research/guides.server';

const TYPES: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  markdown: 'text/markdown; charset=utf-8',
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A guide version's file, byte for byte as published; the download is counted by authority and month. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  if (!params.slug || !UUID.test(params.versionId ?? '')) throw new Response('Not found', { status: 404 });
  const { reader, user } = await guideReader(request);
  const file = await guideVersionFile(params.slug, params.versionId!, reader);
  if (!file) throw new Response('Not found', { status: 404 });
  await countGuideDownload({ versionId: params.versionId!, ...downloadCount(user) });
  return new Response(new Uint8Array(file.content), {
    headers: {
      'Content-Type': TYPES[file.format] ?? 'application/octet-stream',
      'Content-Length': String(file.sizeBytes),
      'Content-Disposition': `attachment; filename="${file.fileName}"`,
      'Repr-Digest': `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  });
}
