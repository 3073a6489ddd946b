import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { researchDb } from '#db/research/client';
import { answerTallies, excerpts, surveyResponses } from '#db/research/schema';
import { getSurvey } from '~/surveys/definitions.server';
import { importResponses, readResponseFile } from '~/surveys/import.server';
import { testStoreKind, withTestStores } from '../setup/stores';

withTestStores();

const survey = getSurvey('common-question-set')!;
const encode = (text: string) => new TextEncoder().encode(text);
const GOOD = [
  'la_code,programme,channel,submitted_at,services_used,support_helpfulness,wanted_unavailable,support_received',
  'E08000003,family-hubs,hub-poster,2026-10-05,family-hub;health-visitor,4,no,"The hub was great. Email me at jo@example.com"',
  'E09000033,start-for-life,,2026-10-06,midwife,5,yes,The midwife visited every week',
  'E06000001,,,2026-10-07,,,,',
].join('\n');

async function importText(text: string, options: { onlyLa?: string } = {}) {
  const read = await readResponseFile(encode(text));
  if (!read.ok) return { ok: false as const, problems: read.problems, total: read.problems.length };
  return importResponses({ survey, header: read.header, rows: read.rows, now: new Date('2026-11-28T12:00:00Z'), ...options });
}

describe(`importing responses (${testStoreKind})`, () => {
  it('stores every row through the web submission’s checks and scrubbing, and stores nothing new when imported again', async () => {
    const before = await researchDb().$count(surveyResponses);
    expect(await importText(GOOD)).toEqual({ ok: true, rows: 3, stored: 3, alreadyStored: 0 });
    expect(await researchDb().$count(surveyResponses)).toBe(before + 3);
    const [row] = await researchDb().select().from(surveyResponses).where(eq(surveyResponses.laCode, 'E08000003'));
    expect(row).toMatchObject({ regionCode: 'E12000002', channel: 'hub-poster', programmeCodes: expect.arrayContaining(['family-hubs']) });
    expect(row!.answers).toMatchObject({ services_used: ['family-hub', 'health-visitor'], support_helpfulness: 4, wanted_unavailable: false });
    expect(JSON.stringify(row!.answers)).not.toContain('jo@example.com');
    // Kept to the UK day: midnight of 5 October in London (BST).
    expect(row!.submittedAt.toISOString()).toBe('2026-10-04T23:00:00.000Z');
    // Its closed answers counted for the reports: a row per choice, and a null row (those who
    // answered) for a several-answer question. It is the only response in its LA that quarter.
    const tallied = await researchDb()
      .select({ question: answerTallies.question, answer: answerTallies.answer, count: answerTallies.count })
      .from(answerTallies)
      .where(and(eq(answerTallies.laCode, 'E08000003'), eq(answerTallies.quarter, '2026-27-Q3'), eq(answerTallies.segment, ''), eq(answerTallies.programme, 'all')));
    expect(tallied.sort((a, b) => `${a.question}${a.answer}`.localeCompare(`${b.question}${b.answer}`))).toEqual([
      { question: 'services_used', answer: 'family-hub', count: 1 },
      { question: 'services_used', answer: 'health-visitor', count: 1 },
      { question: 'services_used', answer: null, count: 1 },
      { question: 'support_helpfulness', answer: '4', count: 1 },
      { question: 'wanted_unavailable', answer: 'false', count: 1 },
    ]);
    const [excerpt] = await researchDb().select().from(excerpts).where(eq(excerpts.responseId, row!.id));
    expect(excerpt!.text).not.toContain('jo@example.com');
    expect(await importText(GOOD)).toEqual({ ok: true, rows: 3, stored: 0, alreadyStored: 3 });
    expect(await researchDb().$count(surveyResponses)).toBe(before + 3);
  });

  it.each([
    ['an unknown column', 'la_code,favourite_colour\nE08000003,blue', /not questions .* favourite_colour/],
    ['a value outside the choices', 'la_code,services_used\nE08000003,family-hub;spaceship', /Select one of the options for/],
    ['an LA code that does not exist', 'la_code,services_used\nE99999999,family-hub', /E99999999 is not the code of an upper-tier local authority/],
    ['a formula in a text cell', 'la_code,support_received\nE08000003,"=HYPERLINK(""http://evil.example"",""x"")"', /a spreadsheet would run as a formula/],
    ['a date in the future', 'la_code,submitted_at\nE08000003,2027-01-01', /is in the future/],
    ['an unknown programme', 'la_code,programme\nE08000003,space-programme', /not a programme code/],
  ])('refuses a file with %s, naming the line, and stores nothing', async (_name, text, message) => {
    const before = await researchDb().$count(surveyResponses);
    const result = await importText(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]!.message).toMatch(message);
    // An unknown column is the header's problem (line 1); the others are the row's (line 2).
    expect(result.problems[0]!.line).toBe(text.includes('favourite') ? 1 : 2);
    expect(await researchDb().$count(surveyResponses)).toBe(before);
  });

  it('refuses all of a file when one row of many is bad', async () => {
    const before = await researchDb().$count(surveyResponses);
    const text = GOOD.replace('E06000001', 'E99999999').replace('2026-10-07', '2026-10-08');
    const result = await importText(text);
    expect(result).toMatchObject({ ok: false, problems: [{ line: 4, column: 'la_code' }] });
    expect(await researchDb().$count(surveyResponses)).toBe(before);
  });

  it('keeps nothing of a large file whose last row is bad, though earlier rows were already being written', async () => {
    const counts = async () => ({ responses: await researchDb().$count(surveyResponses), excerpts: await researchDb().$count(excerpts), tallies: await researchDb().$count(answerTallies) });
    const before = await counts();
    // More rows than one write step, so writing has begun when the bad row is read.
    const lines = ['response_id,la_code,submitted_at,services_used,wanted_unavailable,support_received'];
    for (let index = 1; index <= 2500; index += 1) lines.push(`6f1c1f4e-2b8a-4c0e-9b0a-${String(index).padStart(12, '0')},E08000003,2026-10-05,family-hub,yes,The hub helped`);
    lines.push('6f1c1f4e-2b8a-4c0e-9b0a-999999999999,E08000003,2026-10-05,not-a-service,yes,');
    const result = await importText(lines.join('\n'));
    expect(result).toMatchObject({ ok: false, total: 1, problems: [{ line: 2502, column: 'services_used' }] });
    expect(await counts()).toEqual(before);
  });

  it('refuses what is not a CSV or Excel file, by its content, and a file too big', async () => {
    expect(await readResponseFile(new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03]))).toMatchObject({ ok: false, problems: [{ message: expect.stringMatching(/binary data/) }] });
    expect(await readResponseFile(new Uint8Array([0xff, 0xfe, 0x41]))).toMatchObject({ ok: false, problems: [{ message: expect.stringMatching(/UTF-8/) }] });
    expect(await readResponseFile(new Uint8Array(200 * 1024 * 1024))).toMatchObject({ ok: false, problems: [{ message: expect.stringMatching(/smaller than 5 MB/) }] });
    expect(await readResponseFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toMatchObject({ ok: false, problems: [{ message: expect.stringMatching(/not a CSV file or an Excel workbook/) }] });
    expect(await readResponseFile(encode('la_code,services_used\n"E08000003,family-hub'))).toMatchObject({ ok: false });
  });

  it('reads an Excel workbook like a CSV, and holds an LA officer to their own authority', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Responses');
    sheet.addRow(['la_code', 'submitted_at', 'services_used', 'support_received']);
    sheet.addRow(['E08000003', new Date('2026-10-10T00:00:00Z'), 'early-help', 'Our early help worker listened']);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const read = await readResponseFile(bytes);
    if (!read.ok) throw new Error(read.problems[0]!.message);
    expect(read.header).toEqual(['la_code', 'submitted_at', 'services_used', 'support_received']);
    const refused = await importResponses({ survey, header: read.header, rows: read.rows, now: new Date('2026-11-28T12:00:00Z'), onlyLa: 'E09000033' });
    expect(refused).toMatchObject({ ok: false, problems: [{ line: 2, column: 'la_code', message: 'You can import responses for your own local authority only' }] });
    expect(await importResponses({ survey, header: read.header, rows: read.rows, now: new Date('2026-11-28T12:00:00Z'), onlyLa: 'E08000003' })).toMatchObject({ ok: true, stored: 1 });
  });
});
