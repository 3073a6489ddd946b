import { insertTranscript } from '~/research/transcripts.server';
import { readTranscriptFile } from './read-file';
import { pseudonymiseTurns, splitTurns } from './turns';

export type AddTranscriptResult = { ok: true; transcriptId: string; segments: number } | { ok: false; message: string };

/**
 * Adds a session's transcript or notes to the research store: read by content, split into speaker
 * turns, speakers replaced by labels, every turn scrubbed, then written in one transaction. The file
 * is not kept. Who added it is for the caller to audit (research code does not reach identity code).
 */
export async function addTranscript({
  sessionId,
  kind,
  fileName,
  bytes,
  facilitators = [],
}: {
  sessionId: string;
  kind: 'transcript' | 'notes';
  fileName: string;
  bytes: Uint8Array;
  /** The names of the session's staff, labelled Facilitator and removed from the text. */
  facilitators?: string[];
}): Promise<AddTranscriptResult> {
  const read = await readTranscriptFile(fileName, bytes);
  if (!read.ok) return read;
  const turns = pseudonymiseTurns(splitTurns(read.text, read.format), { facilitators });
  if (turns.length === 0) return { ok: false, message: 'The selected file has no words in it' };
  const transcriptId = await insertTranscript({ sessionId, kind, turns });
  return { ok: true, transcriptId, segments: turns.length };
}
