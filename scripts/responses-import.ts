/**
 * npm run responses:import — brings in responses an LA collected itself, through the same checks and
 * scrubbing as a web submission, all or nothing:
 *   npm run responses:import -- --survey common-question-set --file responses.csv
 * The file is CSV (UTF-8) or an Excel workbook (first sheet): one row a response, one column a
 * question (checkbox answers separated by ";"), plus la_code, programme, channel, submitted_at and
 * optionally response_id. Importing the same file again stores nothing new.
 */
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { getEnv } from '~/env.server';
import { getSurvey } from '~/surveys/definitions.server';
import { importResponses, MAX_COMMAND_LINE_BYTES, readResponseFile } from '~/surveys/import.server';
import { closeStores, openConfiguredStores } from '../server/start-up';

const { values } = parseArgs({ options: { survey: { type: 'string' }, file: { type: 'string' } } });

function fail(lines: string[]): never {
  for (const line of lines) console.error(line);
  process.exit(1);
}

if (!values.survey || !values.file) fail(['Give the question set and the file: --survey common-question-set --file responses.csv']);
const survey = getSurvey(values.survey!);
if (!survey) fail([`There is no question set called ${values.survey}`]);
if (statSync(values.file!).size > MAX_COMMAND_LINE_BYTES) fail([`The file must be smaller than ${MAX_COMMAND_LINE_BYTES / 1024 / 1024} MB`]);
const started = Date.now();
const read = await readResponseFile(new Uint8Array(readFileSync(values.file!)), { maxBytes: MAX_COMMAND_LINE_BYTES });
if (!read.ok) fail(read.problems.map((problem) => `${problem.line === null ? 'File' : `Line ${problem.line}`}: ${problem.message}`));

await openConfiguredStores(getEnv());
try {
  const result = await importResponses({ survey: survey!, header: read.header, rows: read.rows });
  if (!result.ok) {
    fail([
      `Nothing was imported: ${result.total} problem${result.total === 1 ? '' : 's'}${result.total > result.problems.length ? ` (the first ${result.problems.length} listed)` : ''}.`,
      ...result.problems.map((problem) => `${problem.line === null ? 'File' : `Line ${problem.line}`}${problem.column ? `, ${problem.column}` : ''}: ${problem.message}`),
    ]);
  }
  const seconds = (Date.now() - started) / 1000;
  console.log(`${result.rows} rows read: ${result.stored} stored, ${result.alreadyStored} already stored, in ${seconds.toFixed(1)} s (${Math.round(result.rows / seconds)} rows/s).`);
} finally {
  await closeStores();
}
