import { and, asc, eq, sql } from 'drizzle-orm';
import { researchDb, type ResearchDb } from '#db/research/client';
import { transcripts, transcriptSegments, type TranscriptSegment } from '#db/research/schema';
import { queryRows } from '#db/store';

/** Segments longer than this are cut: a speaker turn is read and coded as one excerpt. */
const MAX_SEGMENT = 4000;

/** Writes a transcript and its speaker turns (already labelled and scrubbed) in one transaction. */
export async function insertTranscript({ sessionId, kind, turns }: { sessionId: string; kind: 'transcript' | 'notes'; turns: { speaker: string; text: string }[] }): Promise<string> {
  return researchDb().transaction(async (tx) => {
    const [transcript] = await tx.insert(transcripts).values({ sessionId, kind }).returning({ id: transcripts.id });
    if (!transcript) throw new Error('Transcript was not written');
    const rows = turns.map((turn, position) => ({ transcriptId: transcript.id, position, speaker: turn.speaker, text: turn.text.slice(0, MAX_SEGMENT) }));
    // In batches: one statement has at most 65,535 parameters.
    for (let start = 0; start < rows.length; start += 1000) await tx.insert(transcriptSegments).values(rows.slice(start, start + 1000));
    await addTranscriptExcerpts(tx, transcript.id);
    return transcript.id;
  });
}

/**
 * Participants' turns as excerpts to code, dated to the UK day of the session and placed where its
 * panel is. The facilitator's turns are context, read on the transcript's page, not coded.
 */
export async function addTranscriptExcerpts(db: Pick<ResearchDb, 'execute'>, transcriptId: string): Promise<void> {
  await db.execute(sql`
    insert into excerpts (source, segment_id, session_id, speaker, text, occurred_on, la_code, region_code, programme_codes)
    select 'transcript', s.id, t.session_id, s.speaker, s.text, date_trunc('day', ps.starts_at, 'Europe/London'), p.la_code, p.region_code, p.programme_codes
    from transcript_segments s
    join transcripts t on t.id = s.transcript_id
    join panel_sessions ps on ps.id = t.session_id
    join panels p on p.id = ps.panel_id
    where t.id = ${transcriptId} and s.speaker <> 'Facilitator'
    on conflict do nothing`);
}

export interface HeldSession {
  id: string;
  title: string;
  startsAt: Date;
  panelId: string;
  panelName: string;
  regionCode: string | null;
  transcripts: number;
}

/** Sessions that have taken place (not cancelled), newest first, in these regions or everywhere. */
export async function heldSessions({ regionCodes, limit = 100 }: { regionCodes: string[] | 'all'; limit?: number }): Promise<HeldSession[]> {
  if (regionCodes !== 'all' && regionCodes.length === 0) return [];
  const inRegions = regionCodes === 'all' ? sql`true` : sql`p.region_code in (${sql.join(regionCodes.map((code) => sql`${code}`), sql`, `)})`;
  const rows = await queryRows<HeldSession>(
    researchDb(),
    sql`select s.id, s.title, s.starts_at as "startsAt", p.id as "panelId", p.name as "panelName", p.region_code as "regionCode",
          (select count(*)::int from transcripts t where t.session_id = s.id) as transcripts
        from panel_sessions s join panels p on p.id = s.panel_id
        where s.cancelled_at is null and s.starts_at <= now() and ${inRegions}
        order by s.starts_at desc limit ${limit}`,
  );
  return rows.map((row) => ({ ...row, startsAt: new Date(row.startsAt) }));
}

export async function sessionTranscripts(sessionId: string): Promise<{ id: string; kind: string; addedOn: Date; turns: number }[]> {
  const rows = await queryRows<{ id: string; kind: string; addedOn: Date; turns: number }>(
    researchDb(),
    sql`select t.id, t.kind, t.added_on as "addedOn", (select count(*)::int from transcript_segments s where s.transcript_id = t.id) as turns
        from transcripts t where t.session_id = ${sessionId} order by t.added_on desc, t.id`,
  );
  return rows.map((row) => ({ ...row, addedOn: new Date(row.addedOn) }));
}

/** A transcript's turns in order, as stored: labelled speakers and scrubbed text. */
export async function transcriptTurns(transcriptId: string, sessionId: string): Promise<TranscriptSegment[]> {
  return researchDb()
    .select({ id: transcriptSegments.id, transcriptId: transcriptSegments.transcriptId, position: transcriptSegments.position, speaker: transcriptSegments.speaker, text: transcriptSegments.text })
    .from(transcriptSegments)
    .innerJoin(transcripts, eq(transcripts.id, transcriptSegments.transcriptId))
    .where(and(eq(transcriptSegments.transcriptId, transcriptId), eq(transcripts.sessionId, sessionId)))
    .orderBy(asc(transcriptSegments.position));
}
