import { scrubPersonalData } from '~/utils/scrub';

export interface Turn {
  speaker: string | null;
  text: string;
}

const TIMING = /^\d{1,2}:\d{2}(?::\d{2})?[.,]\d{3}\s+-->\s+\d{1,2}:\d{2}(?::\d{2})?[.,]\d{3}/;
const VOICE = /^<v(?:\.[^\s>]+)?\s+([^>]+)>(.*?)(?:<\/v>)?$/;
const NAMED = /^([A-Z][\p{L}'’. -]{0,40}?):\s+(.+)$/u;

/**
 * A transcript as speaker turns: WebVTT voice tags (`<v Name>`), or "Name: words" lines in any
 * format; cue numbers, timings and headers dropped; consecutive lines of one speaker joined.
 */
export function splitTurns(text: string, format: 'text' | 'vtt' | 'srt' | 'docx'): Turn[] {
  const turns: Turn[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.trim();
    if (line === '' || TIMING.test(line)) continue;
    if ((format === 'vtt' || format === 'srt') && (/^\d+$/.test(line) || /^WEBVTT\b/.test(line) || /^(NOTE|STYLE|REGION)\b/.test(line))) continue;
    let speaker: string | null = null;
    const voice = VOICE.exec(line);
    const named = voice ? null : NAMED.exec(line);
    if (voice) [speaker, line] = [voice[1]!.trim(), voice[2]!.trim()];
    else if (named) [speaker, line] = [named[1]!.trim(), named[2]!.trim()];
    line = line.replace(/<[^>]*>/g, '').trim();
    if (line === '') continue;
    const last = turns.at(-1);
    if (last && (speaker === null || speaker === last.speaker)) last.text = `${last.text} ${line}`;
    else turns.push({ speaker, text: line });
  }
  return turns;
}

const FACILITATOR = /^(facilitator|interviewer|host|moderator|researcher)\b/i;

/**
 * Speakers become labels (Facilitator, Participant 1, 2… in order of first speaking) and every
 * turn is scrubbed like survey free text, with each speaker's name (and its parts) removed wherever
 * it is mentioned. Names in `facilitators` (the session's staff) are labelled Facilitator.
 */
export function pseudonymiseTurns(turns: Turn[], { facilitators = [] }: { facilitators?: string[] } = {}): { speaker: string; text: string }[] {
  const known = new Set(facilitators.map((name) => name.trim().toLowerCase()));
  const labels = new Map<string, string>();
  let participants = 0;
  const labelFor = (speaker: string | null) => {
    if (speaker === null) return 'Unknown speaker';
    const key = speaker.toLowerCase();
    if (!labels.has(key)) {
      if (FACILITATOR.test(speaker) || known.has(key)) labels.set(key, 'Facilitator');
      else labels.set(key, `Participant ${(participants += 1)}`);
    }
    return labels.get(key)!;
  };
  const names = [...new Set(turns.flatMap((turn) => (turn.speaker && !FACILITATOR.test(turn.speaker) ? [turn.speaker] : [])).concat(facilitators))];
  return turns.map((turn) => ({ speaker: labelFor(turn.speaker), text: scrubPersonalData(turn.text, { names }) }));
}
