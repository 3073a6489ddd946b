// npm run bench:reports — the quarterly report and the import on PostgreSQL at volume: 1,000,000
// synthetic responses over two years (the same preparation as web submissions), then the report for
// one programme by region and for all programmes by local authority, the Word file of the latter,
// who took part (the representation report) for England by region, and a 100,000-row CSV import.
//   BENCH_DATABASE_URL  PostgreSQL server to make two throwaway databases on
//   BENCH_RESPONSES     how many responses to store (default 1,000,000)
//   BENCH_IMPORT_ROWS   rows in the imported CSV (default 100,000; 0 to skip the import)
//   BENCH_REUSE=1       time the reports on the databases a kept run left (BENCH_KEEP=1), storing nothing
import { sql } from 'drizzle-orm';
import { migrateStores, openStores } from '#db/bootstrap';
import { closeIdentityStore } from '#db/identity/client';
import { closeResearchStore, researchDb } from '#db/research/client';
import { createRandom } from '#db/seed/random';
import { buildSurveyAnswers } from '#db/seed/responses';
import { readUpperTierLocalAuthorities } from '#db/reference/files';
import { seedVolume } from '#db/seed/volume';
import { reportDocument } from '~/reports/word.server';
import { quartersUpTo } from '~/reports/quarters';
import { buildQuarterlyReport, type ReportRequest } from '~/reports/quarterly.server';
import { buildRepresentation } from '~/reports/representation.server';
import { getSurvey } from '~/surveys/definitions.server';
import { importResponses, readResponseFile } from '~/surveys/import.server';
import { csvText } from '~/utils/csv.server';
import { databaseUrl, dropDatabases, freshDatabases, machine } from './lib/bench-databases';

const responses = Number(process.env.BENCH_RESPONSES ?? 1_000_000);
const importRows = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const databases = ['fv_bench_reports_identity', 'fv_bench_reports_research'];

async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  console.log(`| ${label} | ${((performance.now() - started) / 1000).toFixed(2)} s |`);
  return result;
}

/** A CSV as an LA would send it: one column per question (a grid's statements as question/statement). */
function importFile(rows: number): Uint8Array {
  const survey = getSurvey('common-question-set')!;
  const random = createRandom(99);
  const questions = survey.text[survey.locales[0]!]!.pages.flatMap((page) => page.questions).filter((question) => question.type !== 'html');
  const las = readUpperTierLocalAuthorities().map((la) => la.la_code);
  const columns = ['la_code', 'submitted_at', ...questions.flatMap((question) => (question.type === 'matrix' ? question.rows.map((row) => `${question.name}/${row.value}`) : [question.name]))];
  const data: string[][] = [];
  for (let index = 0; index < rows; index += 1) {
    const answers = buildSurveyAnswers(random, survey);
    data.push(
      columns.map((column) => {
        if (column === 'la_code') return random.pick(las);
        if (column === 'submitted_at') return `2026-${String(1 + (index % 9)).padStart(2, '0')}-15`;
        const [name, row] = column.split('/') as [string, string | undefined];
        const value = row ? (answers[name] as Record<string, unknown> | undefined)?.[row] : answers[name];
        return value === undefined ? '' : Array.isArray(value) ? value.join(';') : String(value);
      }),
    );
  }
  return new TextEncoder().encode(csvText(columns, data));
}

const reuse = process.env.BENCH_REUSE === '1';
if (!reuse) await freshDatabases(databases);
try {
  await openStores({ identityUrl: databaseUrl(databases[0]!), researchUrl: databaseUrl(databases[1]!), dataDir: null, poolSize: 4 });
  await migrateStores();
  console.log('| step | time |');
  console.log('|---|---|');
  if (!reuse) {
    await timed(`store ${responses.toLocaleString('en-GB')} synthetic responses`, () => seedVolume(responses, { seed: 7 }));
    await researchDb().execute(sql`analyze`);
  }
  const quarter = quartersUpTo(new Date(), 2)[1]!;
  const cases: [string, ReportRequest][] = [
    [`report: one programme by region (${quarter.key})`, { quarter, programme: 'family-hubs', level: 'region' }],
    [`report: all programmes by local authority (${quarter.key})`, { quarter, programme: 'all', level: 'la' }],
  ];
  let last = null;
  for (const [label, request] of cases) last = await timed(label, () => buildQuarterlyReport(request));
  await timed('the Word file of the local-authority report', () => reportDocument(last!));
  await timed(`who took part: England by region, all sources (${quarter.key})`, () => buildRepresentation({ quarter, programme: 'all', level: 'region', source: 'all' }));
  if (importRows > 0) {
    const file = importFile(importRows);
    const survey = getSurvey('common-question-set')!;
    const result = await timed(`import a ${importRows.toLocaleString('en-GB')}-row CSV (${(file.length / 1024 / 1024).toFixed(1)} MB)`, async () => {
      const read = await readResponseFile(file, { maxBytes: 200 * 1024 * 1024 });
      if (!read.ok) throw new Error(read.problems[0]!.message);
      return importResponses({ survey, header: read.header, rows: read.rows });
    });
    console.log('import result', result.ok ? { stored: result.stored } : result.problems.slice(0, 3));
  }
  console.log(`machine: ${machine()}`);
} finally {
  await Promise.allSettled([closeIdentityStore(), closeResearchStore()]);
  if (process.env.BENCH_KEEP !== '1' && !reuse) await dropDatabases(databases);
}
