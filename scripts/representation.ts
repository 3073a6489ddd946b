/**
 * npm run representation — who took part against England's population, from the command line, as
 * the page's downloads give it.
 *   npm run representation -- --quarter 2026-27-Q3 --programme all --level region --format csv --out r.csv
 * --programme is a programme code or all; --level england, region or la; --region narrows la to one
 * region; --source respondents, members, attendees or all (the default). Every number goes through
 * the same disclosure control as the page.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { PROGRAMME_CODES } from '#db/reference/programmes';
import { readRepresentationRequest } from '~/reports/representation-request';
import { buildRepresentation } from '~/reports/representation.server';
import { representationCsv, representationWorkbook } from '~/reports/representation-files.server';
import { getEnv } from '~/env.server';
import { closeStores, openConfiguredStores } from '../server/start-up';
import { fail, REPORT_OPTIONS } from './lib/cli';

const { values } = parseArgs({ options: { ...REPORT_OPTIONS, source: { type: 'string', default: 'all' } } });

if (!values.out) fail('Give the file to write with --out representation.csv');
if (!['csv', 'xlsx'].includes(values.format!)) fail(`--format ${values.format}: choose csv or xlsx`);
// The command line is run by staff who may read every programme.
const parsed = readRepresentationRequest({ quarter: values.quarter, programme: values.programme, level: values.level, region: values.region, source: values.source }, { now: new Date(), visibleProgrammes: PROGRAMME_CODES });
if (!parsed.ok) fail(parsed.errors.map((error) => error.message).join('\n'));

await openConfiguredStores(getEnv());
try {
  const report = await buildRepresentation(parsed.request);
  writeFileSync(values.out!, values.format === 'xlsx' ? await representationWorkbook(report) : representationCsv(report));
  console.log(`${values.out} written.`);
} finally {
  await closeStores();
}
