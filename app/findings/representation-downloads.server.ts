import { fileResponse } from '~/reports/files.server';
import { buildRepresentation } from '~/reports/representation.server';
import { representationCsv, representationWorkbook } from '~/reports/representation-files.server';
import { readerRequest } from './representation.server';

/** A staff download of who took part, as the reader asked for it (their scope only; 403 beyond it, 400 for a bad request). */
export async function representationDownload(request: Request, format: 'csv' | 'xlsx'): Promise<Response> {
  const { parsed } = await readerRequest(request);
  if (!parsed.ok) throw new Response(parsed.errors.map((error) => error.message).join('. '), { status: 400 });
  const report = await buildRepresentation(parsed.request);
  const name = `family-voice-representation-${report.period.key}-${report.programme?.code ?? 'all'}-${report.level}-${report.source}.${format}`;
  return fileResponse(name, format, format === 'csv' ? Buffer.from(representationCsv(report), 'utf8') : await representationWorkbook(report));
}
