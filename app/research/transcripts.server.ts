import { sql } from 'drizzle-orm';
import { researchDb, type ResearchDb } from '#db/research/client';
import { transcripts, transcriptSegments } from '#db/research/schema';

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
