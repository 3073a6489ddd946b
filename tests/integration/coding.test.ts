import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { migrateStores } from '#db/bootstrap';
import { researchDb } from '#db/research/client';
import { codeEvents, codes, codeSuggestions, excerptCodes, excerpts } from '#db/research/schema';
import { SEED_CODEBOOK } from '#db/reference/codebook';
import { refreshSuggestions } from '~/analysis/suggestions.server';
import { addTranscript } from '~/analysis/transcripts/store.server';
import { addCode, CodebookError, getCode, mergeCode, renameCode, setCodeRetired } from '~/research/codebook.server';
import { acceptSuggestion, codingQueue, excerptForCoding, nextInQueue, rejectSuggestion, setExcerptCodes } from '~/research/coding.server';
import { createPanel } from '~/research/panels.server';
import { readQueueFilters } from '~/research/queue-filters';
import { insertSession } from '~/research/sessions.server';
import { adoptTheme, codeBreakdown, openThemes } from '~/research/themes.server';
import { getSurvey } from '~/surveys/definitions.server';
import { submitResponse } from '~/surveys/responses.server';
import { backfillSurveyExcerpts } from '~/surveys/backfill.server';
import { testStoreKind, withTestStores } from '../setup/stores';

withTestStores();

const common = getSurvey('common-question-set')!;
const filters = (query = '') => readQueueFilters(new URLSearchParams(query));

async function answer(text: string, extra: Record<string, unknown> = {}) {
  const responseId = randomUUID();
  const result = await submitResponse({ survey: common, responseId, answers: { services_used: ['family-hub'], support_received: text, la: 'E08000003', ...extra }, source: { programme: 'family-hubs' } });
  expect(result.ok).toBe(true);
  const [row] = await researchDb().select().from(excerpts).where(eq(excerpts.responseId, responseId));
  return row!;
}

async function seedCode(key: string) {
  const [row] = await researchDb().select().from(codes).where(eq(codes.seedKey, key));
  return row!;
}

describe(`coding excerpts (${testStoreKind})`, () => {
  it('makes an excerpt of each free-text answer, scrubbed, placed and dated like its response, once', async () => {
    const responseId = randomUUID();
    const answers = { services_used: ['family-hub'], support_received: 'The hub helped. Call me on 07700 900123.', anything_else: 'ok', la: 'E08000003' };
    await submitResponse({ survey: common, responseId, answers, source: { programme: 'family-hubs' } });
    await submitResponse({ survey: common, responseId, answers });
    const rows = await researchDb().select().from(excerpts).where(eq(excerpts.responseId, responseId));
    // "ok" is too short to code; the area question is not an opinion.
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ source: 'survey', surveyId: 'common-question-set', question: 'support_received', laCode: 'E08000003', regionCode: 'E12000002', programmeCodes: ['family-hubs'] });
    expect(rows[0]!.text).not.toContain('900123');
    expect(rows[0]!.occurredOn.getUTCMinutes() + rows[0]!.occurredOn.getUTCSeconds()).toBe(0);
  });

  it("makes excerpts of participants' turns in a transcript, not the facilitator's", async () => {
    const panel = await createPanel(
      { name: 'Coding panel', level: 'regional', regionCode: 'E12000008', laCode: null, programmeCodes: ['family-hubs'], audience: 'parents-carers', focus: null, recruitmentTarget: 10, existingGroup: false },
      { regionCodes: 'all' },
    );
    const session = await insertSession({ panelId: panel.id, title: 'Talk', theme: null, startsAt: new Date(Date.now() - 86_400_000), endsAt: new Date(Date.now() - 82_800_000), mode: 'online', venueAccess: [], capacity: 10, invitationsSentAt: new Date(Date.now() - 40 * 86_400_000), noticeOverrideReason: null });
    const text = 'Facilitator: What helped?\nMaya Brook: The damp flat made my son ill and the landlord ignored us.\nFacilitator: Thank you.';
    const added = await addTranscript({ sessionId: session.id, kind: 'transcript', fileName: 't.txt', bytes: new TextEncoder().encode(text) });
    expect(added.ok).toBe(true);
    const rows = await researchDb().select().from(excerpts).where(eq(excerpts.sessionId, session.id));
    expect(rows.map((row) => [row.source, row.speaker, row.regionCode])).toEqual([['transcript', 'Participant 1', 'E12000008']]);
    expect(rows[0]!.text).not.toContain('Maya');
    const queue = await codingQueue(filters(`source=transcript&session=${session.id}`));
    expect(queue.items.map((item) => item.sessionTitle)).toEqual(['Talk']);
  });

  it('seeds the codebook once, and seeding again undoes no analyst change', async () => {
    const housing = await seedCode('housing');
    await renameCode(housing.id, 'Housing and home');
    await migrateStores();
    expect(await researchDb().$count(codes, sql`${codes.seedKey} is not null`)).toBe(SEED_CODEBOOK.length);
    expect((await getCode(housing.id))!.name).toBe('Housing and home');
    await renameCode(housing.id, housing.name);
  });

  it('refuses duplicate names, ignoring case, and merging a code into itself or its child', async () => {
    await expect(addCode({ name: 'mental HEALTH', description: '' })).rejects.toThrow(/already a code called/);
    const parent = await addCode({ name: 'Transport', description: '' });
    const child = await addCode({ name: 'Buses', description: '', parentId: parent.id });
    await expect(renameCode(child.id, 'transport')).rejects.toBeInstanceOf(CodebookError);
    await expect(mergeCode(parent.id, parent.id)).rejects.toThrow(/into itself/);
    await expect(mergeCode(parent.id, child.id)).rejects.toThrow(/is under Transport/);
    expect((await getCode(parent.id))!.status).toBe('active');
  });

  it('merges a code: its excerpts move (once each), its children follow, and both keep the history', async () => {
    const a = await addCode({ name: 'Cost of travel', description: '' });
    const b = await addCode({ name: 'Getting there', description: '' });
    const child = await addCode({ name: 'Taxis', description: '', parentId: a.id });
    const one = await answer('The bus fare to the hub is too much for us.');
    const both = await answer('It takes two buses and costs a fortune.');
    expect(await setExcerptCodes({ excerptId: one.id, codeIds: [a.id], quotable: false, version: 0 })).toMatchObject({ ok: true });
    expect(await setExcerptCodes({ excerptId: both.id, codeIds: [a.id, b.id], quotable: false, version: 0 })).toMatchObject({ ok: true });
    expect(await mergeCode(a.id, b.id)).toEqual({ moved: 2 });
    expect(await researchDb().$count(excerptCodes, eq(excerptCodes.codeId, b.id))).toBe(2);
    expect(await researchDb().$count(excerptCodes, eq(excerptCodes.codeId, a.id))).toBe(0);
    expect(await getCode(a.id)).toMatchObject({ status: 'merged', mergedInto: b.id });
    expect((await getCode(child.id))!.parentId).toBe(b.id);
    const history = await researchDb().select().from(codeEvents).where(sql`${codeEvents.codeId} in (${a.id}, ${b.id})`);
    expect(history.map((event) => event.kind).sort()).toEqual(['created', 'created', 'merged-from', 'merged-into']);
    // A merged code's name is free again.
    await expect(addCode({ name: 'Cost of travel', description: '' })).resolves.toMatchObject({ status: 'active' });
  });

  it('lets only one of two analysts coding the same excerpt at once win; the other is told and nothing is lost', async () => {
    const excerpt = await answer('Nobody told us the hub existed until our baby was six months old.');
    const access = await seedCode('access-barriers');
    const early = await seedCode('early-years');
    const results = await Promise.all([
      setExcerptCodes({ excerptId: excerpt.id, codeIds: [access.id], quotable: true, version: 0 }),
      setExcerptCodes({ excerptId: excerpt.id, codeIds: [early.id], quotable: false, version: 0 }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({ reason: 'conflict', message: expect.stringMatching(/Another analyst changed/) });
    const now = (await excerptForCoding(excerpt.id))!;
    expect(now.codes).toHaveLength(1);
    expect(now.codingVersion).toBe(1);
  });

  it('refuses a retired or unknown code and writes nothing; undo puts back what was there', async () => {
    const excerpt = await answer('The health visitor listened and never judged me.');
    const workforce = await seedCode('workforce');
    const retired = await addCode({ name: 'Old code', description: '' });
    await setCodeRetired(retired.id, true);
    for (const bad of [retired.id, randomUUID()]) {
      expect(await setExcerptCodes({ excerptId: excerpt.id, codeIds: [workforce.id, bad], quotable: true, version: 0 })).toMatchObject({ ok: false, reason: 'invalid-code' });
    }
    expect(await excerptForCoding(excerpt.id)).toMatchObject({ codes: [], quotable: false, codingVersion: 0 });
    const saved = await setExcerptCodes({ excerptId: excerpt.id, codeIds: [workforce.id], quotable: true, version: 0 });
    if (!saved.ok) throw new Error(saved.message);
    const undone = await setExcerptCodes({ excerptId: excerpt.id, codeIds: saved.before.codeIds, quotable: saved.before.quotable, version: saved.version });
    expect(undone.ok).toBe(true);
    expect(await excerptForCoding(excerpt.id)).toMatchObject({ codes: [], quotable: false, codingVersion: 2 });
  });

  it('filters the queue by status, source, region and full-text search, and moves to the next', async () => {
    const damp = await answer('Our flat is full of damp and mould and the council will not move us.');
    const other = await answer('Evening groups would help working dads like me.');
    const search = await codingQueue(filters('q=mould'));
    expect(search.items.map((item) => item.id)).toEqual([damp.id]);
    // Stemmed: "groups" finds "group".
    expect((await codingQueue(filters('q=group&status=all'))).items.map((item) => item.id)).toContain(other.id);
    expect((await codingQueue(filters('region=E12000001'))).items.map((item) => item.id)).not.toContain(damp.id);
    const housing = await seedCode('housing');
    await setExcerptCodes({ excerptId: damp.id, codeIds: [housing.id], quotable: false, version: 0 });
    expect((await codingQueue(filters('q=mould'))).items).toEqual([]);
    expect((await codingQueue(filters('q=mould&status=coded'))).items.map((item) => item.codes)).toEqual([[housing.name]]);
    const all = await codingQueue(filters('status=all'));
    const position = all.items.findIndex((item) => item.id === damp.id);
    expect(await nextInQueue(filters('status=all'), damp.id)).toBe(all.items[position + 1]?.id ?? null);
    // Hostile filter values are dropped, not run.
    expect(readQueueFilters(new URLSearchParams("region=E12000001' or 1=1&status=everything&page=-4"))).toEqual({ status: 'uncoded', page: 1 });
  });

  it('pages the same way whether few or many excerpts match, and says "more than" past the count it stops at', async () => {
    await researchDb().execute(sql`insert into excerpts (source, text, occurred_on, region_code)
      select 'survey', 'Quokka number ' || n, date_trunc('day', now() - n * interval '1 day', 'Europe/London'), 'E12000009' from generate_series(1, 1050) n`);
    const many = await codingQueue(filters('q=quokka&region=E12000009'));
    expect(many).toMatchObject({ total: 1000, more: true });
    expect(many.items.map((item) => item.text)).toEqual(Array.from({ length: 20 }, (_, index) => `Quokka number ${index + 1}`));
    const second = await codingQueue(filters('q=quokka&region=E12000009&page=2'));
    expect(second.items[0]!.text).toBe('Quokka number 21');
    // Few matches: read whole and sorted, in the same order.
    const few = await codingQueue(filters('q="quokka number"&quarter=' + (await codingQueue(filters('q=quokka'))).items[0]!.occurredOn.toISOString().slice(0, 7)));
    expect(few.more).toBe(false);
    const texts = few.items.map((item) => Number(item.text.split(' ')[2]));
    expect(texts).toEqual([...texts].sort((a, b) => a - b));
    await researchDb().execute(sql`delete from excerpts where text like 'Quokka number %'`);
  });

  it('suggests codes learnt from coded excerpts and the codebook; accepting codes it, rejecting keeps it away', async () => {
    const housing = await seedCode('housing');
    for (const text of ['The landlord will not fix the damp in the bedroom.', 'We were evicted and put in a hostel with the children.', 'Mould on every wall of our rented flat.']) {
      const coded = await answer(text);
      await setExcerptCodes({ excerptId: coded.id, codeIds: [housing.id], quotable: false, version: 0 });
    }
    const target = await answer('The damp and mould in our rented flat are making the baby ill and the landlord does nothing.');
    const run = await refreshSuggestions();
    expect(run.suggestions).toBeGreaterThan(0);
    const offered = (await excerptForCoding(target.id))!.suggestions;
    expect(offered[0]).toMatchObject({ codeId: housing.id, origin: 'model' });
    expect(offered[0]!.confidence).toBeGreaterThanOrEqual(0.5);
    // The same data gives the same suggestions.
    await refreshSuggestions();
    expect((await excerptForCoding(target.id))!.suggestions).toEqual(offered);

    expect(await rejectSuggestion({ excerptId: target.id, codeId: housing.id })).toBe(true);
    await refreshSuggestions();
    expect((await excerptForCoding(target.id))!.suggestions.map((s) => s.codeId)).not.toContain(housing.id);
    await researchDb().update(codeSuggestions).set({ status: 'open' }).where(eq(codeSuggestions.excerptId, target.id));
    const accepted = await acceptSuggestion({ excerptId: target.id, codeId: housing.id, version: 0 });
    expect(accepted.ok).toBe(true);
    const [row] = await researchDb().select().from(excerptCodes).where(eq(excerptCodes.excerptId, target.id));
    expect(row).toMatchObject({ codeId: housing.id, origin: 'suggestion' });
  });

  it('turns an emerging theme into a code with suggestions for its excerpts, once, and counts a code by source, programme and region', async () => {
    for (let i = 0; i < 6; i += 1) await answer(`Breakfast club ${i} closed and now I cannot get to work on time, the breakfast club was a lifeline.`);
    await refreshSuggestions();
    const themes = await openThemes();
    const breakfast = themes.find((theme) => theme.topTerms.some((term) => /breakfast/i.test(term)));
    expect(breakfast).toBeDefined();
    const { code, suggested } = await adoptTheme(breakfast!.id, { name: 'Breakfast clubs', description: 'Before-school care' });
    expect(suggested).toBeGreaterThanOrEqual(6);
    await expect(adoptTheme(breakfast!.id, { name: 'Breakfast clubs 2', description: '' })).rejects.toThrow(/already been made into a code/);
    expect(code.terms).toEqual(breakfast!.topTerms);
    const first = (await codingQueue(filters('q=breakfast'))).items[0]!;
    const detail = (await excerptForCoding(first.id))!;
    expect(detail.suggestions[0]).toMatchObject({ codeId: code.id, origin: 'theme', confidence: null });
    await acceptSuggestion({ excerptId: first.id, codeId: code.id, version: detail.codingVersion });
    const counts = await codeBreakdown(code.id);
    expect(counts).toMatchObject({ total: 1, bySource: [{ source: 'survey', count: 1 }], byProgramme: [{ code: 'family-hubs', count: 1 }], byRegion: [{ code: 'E12000002', count: 1 }] });
  });

  it('copies the free text of responses stored before coding existed, once, when there are no excerpts at all', async () => {
    const before = await researchDb().$count(excerpts, eq(excerpts.source, 'survey'));
    expect(before).toBeGreaterThan(0);
    await researchDb().delete(excerpts);
    expect(await backfillSurveyExcerpts(7)).toBe(before);
    expect(await researchDb().$count(excerpts, eq(excerpts.source, 'survey'))).toBe(before);
    expect(await backfillSurveyExcerpts()).toBe(0);
  });
});
