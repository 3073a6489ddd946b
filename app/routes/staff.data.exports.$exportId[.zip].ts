import type { Readable } from 'node:stream';
import { createReadableStreamFromReadable, type LoaderFunctionArgs } from '@remix-run/node';
import { requireRole } from '~/auth/guards.server';
import { recordAudit } from '~/governance/audit.server';
import { zipExport } from '~/governance/export-jobs.server';

/** A finished export as one zip, for administrators only; each download is audited. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const admin = await requireRole(request, 'administrator');
  const id = params.exportId ?? '';
  const zip = zipExport(id);
  if (!zip) throw new Response('There is no such finished export', { status: 404 });
  await recordAudit({ who: admin.id, what: 'data.export.download', subjectType: 'export', subjectId: id, correlationId: context.requestId });
  return new Response(createReadableStreamFromReadable(zip as Readable), {
    headers: {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="${id}.zip"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
