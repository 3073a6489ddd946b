import { researchDb } from '#db/research/client';
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
    return transcript.id;
  });
}
