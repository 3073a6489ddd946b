import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { researchDb } from '#db/research/client';
import { PROGRAMME_CODES } from '#db/reference/programmes';
import type { SurveyDefinition, SurveyQuestion } from './definitions.server';
import { TallyCounts, writeTallies } from '~/research/tallies.server';
import { prepareResponse, storeResponses, type PreparedResponse } from './responses.server';
import { isLocalAuthorityCode } from './sources.server';
import { CHANNELS } from './vocabulary';

/** Columns that say where and when a response came from, beside one column per question. */
export const META_COLUMNS = ['response_id', 'la_code', 'programme', 'channel', 'submitted_at'] as const;
/** The staff upload page's limit; the command line takes bigger files. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const MAX_COMMAND_LINE_BYTES = 100 * 1024 * 1024;
/** A refused file's report lists this many problems at most (and says how many there were). */
const MAX_REPORTED = 200;

export interface ImportProblem {
  /** The file's line (the header is line 1), or null for the file as a whole. */
  line: number | null;
  column?: string;
  message: string;
}
export type ReadResult = { ok: true; header: string[]; rows: string[][] } | { ok: false; problems: ImportProblem[] };
export type ImportResult = { ok: true; rows: number; stored: number; alreadyStored: number } | { ok: false; problems: ImportProblem[]; total: number };

const ZIP = [0x50, 0x4b, 0x03, 0x04];

/**
 * A CSV or Excel file's header and rows, judged by content: an Excel workbook by its zip signature
 * (first sheet), anything else must be UTF-8 text with no NUL bytes, read as CSV.
 */
export async function readResponseFile(bytes: Uint8Array, { maxBytes = MAX_UPLOAD_BYTES } = {}): Promise<ReadResult> {
  const refuse = (message: string): ReadResult => ({ ok: false, problems: [{ line: null, message }] });
  if (bytes.length === 0) return refuse('The selected file is empty');
  if (bytes.length > maxBytes) return refuse(`The selected file must be smaller than ${Math.round(maxBytes / 1024 / 1024)} MB`);
  if (ZIP.every((byte, index) => bytes[index] === byte)) {
    const book = new ExcelJS.Workbook();
    try {
      await book.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch {
      return refuse('The selected file is not a CSV file or an Excel workbook');
    }
    const sheet = book.worksheets[0];
    if (!sheet) return refuse('The Excel workbook has no sheets');
    const table: string[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      table.push(values.map(cellText));
    });
    const [header, ...rows] = table;
    return header ? { ok: true, header: header.map((name) => name.trim()), rows } : refuse('The selected file has no header row');
  }
  if (bytes.includes(0)) return refuse('The selected file is not a CSV file: it holds binary data');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse('The selected file is not a CSV file saved as UTF-8');
  }
  try {
    const [header, ...rows] = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: false }) as string[][];
    return header ? { ok: true, header: header.map((name) => name.trim()), rows } : refuse('The selected file has no header row');
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? null;
    return { ok: false, problems: [{ line, message: 'This line could not be read as CSV: check its quotes and that it has as many values as the header' }] };
  }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    // Formulas, rich text and links: an import takes values only, never a formula.
    if ('formula' in value || 'sharedFormula' in value) return `=${String((value as { formula?: string }).formula ?? '')}`;
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
}

/** Reads a cell as its question expects: choices separated by ";", numbers for numeric choices, yes/no for booleans. */
function answerFor(question: SurveyQuestion, raw: string): unknown {
  const numeric = question.choices.length > 0 && question.choices.every((choice) => typeof choice.value === 'number');
  const typed = (value: string) => (numeric && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value);
  switch (question.type) {
    case 'checkbox':
    case 'tagbox':
    case 'ranking':
      return raw.split(';').map((part) => part.trim()).filter(Boolean).map(typed);
    case 'boolean':
      return /^(true|yes|1)$/i.test(raw) ? true : /^(false|no|0)$/i.test(raw) ? false : raw;
    case 'rating':
      return /^-?\d+$/.test(raw) ? Number(raw) : raw;
    default:
      return typed(raw);
  }
}

/** A stable id for a row with no response_id: the same row imported again is the same response. */
function rowId(surveyId: string, header: string[], row: string[]): string {
  const hash = createHash('sha256').update(JSON.stringify([surveyId, header, row])).digest('hex');
  // Shaped as a version-8 (custom) UUID.
  return `${hash.slice(0, 8)}-${hash.slice(8, 12)}-8${hash.slice(13, 16)}-${((parseInt(hash[16]!, 16) & 0x3) | 0x8).toString(16)}${hash.slice(17, 20)}-${hash.slice(20, 32)}`;
}

/** Rows written per step of an import, and rows checked between looks at the database's replies. */
const WRITE_BATCH = 1000;
const YIELD_EVERY = 25;

/** Thrown inside the import's transaction to roll it back when any row has a problem. */
class RefusedImport extends Error {}

const FORMULA = /^[=+@\t\r]/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/**
 * Imports responses to a question set: one row a response, one column a question (a matrix's rows
 * as "question/row"), plus la_code, programme, channel, submitted_at and optionally response_id.
 * Every row goes through the web submission's own checks and scrubbing; if any row fails, nothing is
 * stored and every problem is reported by line. Rows already imported (the same response_id, or the
 * same row) store nothing new. `onlyLa` holds an LA officer to their own authority.
 */
export async function importResponses({
  survey,
  header,
  rows,
  now = new Date(),
  onlyLa,
}: {
  survey: SurveyDefinition;
  header: string[];
  rows: string[][];
  now?: Date;
  onlyLa?: string;
}): Promise<ImportResult> {
  const questions = new Map(survey.text[survey.locales[0]!]!.pages.flatMap((page) => page.questions).filter((question) => question.type !== 'html').map((question) => [question.name, question]));
  const known = (column: string) => (META_COLUMNS as readonly string[]).includes(column) || questions.has(column) || (column.includes('/') && questions.get(column.split('/')[0]!)?.type === 'matrix') || (column.endsWith('-Comment') && questions.has(column.slice(0, -8)));
  const problems: ImportProblem[] = [];
  const unknown = header.filter((column) => !known(column));
  if (unknown.length > 0) problems.push({ line: 1, message: `These columns are not questions in ${survey.text[survey.locales[0]!]!.title} or known columns: ${unknown.join(', ')}` });
  const duplicates = header.filter((column, index) => header.indexOf(column) !== index);
  if (duplicates.length > 0) problems.push({ line: 1, message: `These columns appear more than once: ${[...new Set(duplicates)].join(', ')}` });
  if (rows.length === 0) problems.push({ line: null, message: 'The file has a header but no responses' });
  if (problems.length > 0) return { ok: false, problems, total: problems.length };

  const seen = new Set<string>();
  const position = new Map(header.map((column, index) => [column, index]));
  /** A row checked exactly as a web submission is, or what is wrong with it (or null: a repeat of an earlier row). */
  const prepareRow = (row: string[], index: number): PreparedResponse | ImportProblem[] | null => {
    const line = index + 2;
    const value = (column: string) => (row[position.get(column) ?? -1] ?? '').trim();
    const rowProblems: ImportProblem[] = [];
    header.forEach((column, at) => {
      const cell = (row[at] ?? '').trim();
      if (FORMULA.test(cell) && !/^\+?\d[\d ]*$/.test(cell)) rowProblems.push({ line, column, message: `${column} starts with “${cell[0]}”, which a spreadsheet would run as a formula: remove it` });
    });
    const la = value('la_code') || onlyLa || '';
    if (la && !isLocalAuthorityCode(la)) rowProblems.push({ line, column: 'la_code', message: `${la} is not the code of an upper-tier local authority in England` });
    if (onlyLa && la !== onlyLa) rowProblems.push({ line, column: 'la_code', message: 'You can import responses for your own local authority only' });
    const programme = value('programme');
    if (programme && !(PROGRAMME_CODES as readonly string[]).includes(programme)) rowProblems.push({ line, column: 'programme', message: `${programme} is not a programme code (${PROGRAMME_CODES.join(', ')})` });
    const channel = value('channel');
    if (channel && !(channel in CHANNELS)) rowProblems.push({ line, column: 'channel', message: `${channel} is not a channel code (${Object.keys(CHANNELS).join(', ')})` });
    const day = value('submitted_at');
    const submittedAt = day ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day}T12:00:00Z` : day) : undefined;
    if (day && (!submittedAt || Number.isNaN(submittedAt.getTime()))) rowProblems.push({ line, column: 'submitted_at', message: `${day} is not a date: use the form 2026-10-31` });
    else if (submittedAt && submittedAt > now) rowProblems.push({ line, column: 'submitted_at', message: `${day} is in the future` });
    const given = value('response_id');
    if (given && !UUID.test(given)) rowProblems.push({ line, column: 'response_id', message: `${given} is not a response id (a UUID)` });
    if (rowProblems.length > 0) return rowProblems;
    const responseId = given || rowId(survey.id, header, row);
    if (seen.has(responseId)) return null;
    seen.add(responseId);
    const answers: Record<string, unknown> = {};
    for (const column of header) {
      const cell = value(column);
      if (!cell || (META_COLUMNS as readonly string[]).includes(column)) continue;
      if (column.includes('/') && !questions.has(column)) {
        const [name, rowName] = column.split('/') as [string, string];
        answers[name] = { ...(answers[name] as Record<string, unknown> | undefined), [rowName]: cell };
      } else {
        const question = questions.get(column);
        answers[column] = question ? answerFor(question, cell) : cell;
      }
    }
    const ready = prepareResponse({ survey, responseId, answers, source: { la: la || undefined, programme: programme || undefined, channel: channel || undefined }, submittedAt });
    return ready.ok ? ready.prepared : ready.errors.map((error) => ({ line, column: error.field, message: error.message }));
  };

  // One transaction: rows are checked while the rows before them are written (the database works
  // while this process checks), and the first problem stops the writing; every row is still checked,
  // so the report lists every problem, then the transaction is rolled back and nothing is kept.
  let prepared = 0;
  let stored: string[];
  try {
    stored = await researchDb().transaction(async (tx) => {
      const counts = new TallyCounts();
      const ids: string[] = [];
      let batch: PreparedResponse[] = [];
      let writing: Promise<unknown> = Promise.resolve();
      const write = async (ready: PreparedResponse[]) => {
        await writing;
        writing = storeResponses(tx, ready, counts).then((fresh) => ids.push(...fresh));
        // Awaited later; marked handled now so that a failure waits for that await.
        writing.catch(() => undefined);
      };
      for (const [index, row] of rows.entries()) {
        const result = prepareRow(row, index);
        if (Array.isArray(result)) problems.push(...result);
        else if (result && problems.length === 0) {
          prepared += 1;
          batch.push(result);
          if (batch.length === WRITE_BATCH) {
            await write(batch);
            batch = [];
          }
        }
        // Lets the database's replies in, so that writing goes on while rows are checked.
        if (index % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((resolve) => setImmediate(resolve));
      }
      await writing;
      if (problems.length > 0) throw new RefusedImport();
      ids.push(...(await storeResponses(tx, batch, counts)));
      await writeTallies(tx, counts);
      return ids;
    });
  } catch (error) {
    if (error instanceof RefusedImport) return { ok: false, problems: problems.slice(0, MAX_REPORTED), total: problems.length };
    throw error;
  }
  return { ok: true, rows: rows.length, stored: stored.length, alreadyStored: prepared - stored.length };
}
