/**
 * npm run report — the quarterly findings from the command line, as the page's download gives them.
 *   npm run report -- --quarter 2026-27-Q3 --programme all --level region --format csv --out r.csv
 * --programme is a programme code or all; --level england, region or la; --region narrows la to one
 * region. Reads the stores the configuration names (embedded under DATA_DIR by default). Every
 * number goes through the same disclosure control as the page.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { PROGRAMME_CODES } from '#db/reference/programmes';
import { buildQuarterlyReport } from '~/reports/quarterly.server';
import { readReportRequest } from '~/reports/report-request';
import { reportFile, type ReportFormat } from '~/reports/files.server';
import { getEnv } from '~/env.server';
import { closeStores, openConfiguredStores } from '../server/start-up';
import { fail, REPORT_OPTIONS } from './lib/cli';

const { values } = parseArgs({ options: { ...REPORT_OPTIONS } });

if (!values.out) fail('Give the file to write with --out report.csv');
if (!['csv', 'xlsx', 'docx'].includes(values.format!)) fail(`--format ${values.format}: choose csv, xlsx or docx`);
// The command line is run by staff who may read every programme.
const parsed = readReportRequest({ quarter: values.quarter, programme: values.programme, level: values.level, region: values.region }, { now: new Date(), visibleProgrammes: PROGRAMME_CODES });
if (!parsed.ok) fail(parsed.errors.map((error) => error.message).join('\n'));

await openConfiguredStores(getEnv());
try {
  const report = await buildQuarterlyReport({ ...parsed.request, regionCode: parsed.request.level === 'la' ? parsed.request.regionCode : null });
  writeFileSync(values.out!, await reportFile(report, values.format as ReportFormat));
  console.log(`${values.out} written (${report.suppressed.cells} cells hidden by disclosure control).`);
} finally {
  await closeStores();
}
