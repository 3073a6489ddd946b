import { describe, expect, it } from 'vitest';
import { readTranscriptFile } from '~/analysis/transcripts/read-file';
import { pseudonymiseTurns, splitTurns } from '~/analysis/transcripts/turns';
import { docx } from '../setup/docx';

const text = (value: string) => new TextEncoder().encode(value);

describe('reading an uploaded transcript', () => {
  it('reads a Word document, a WebVTT file with voices, SubRip and plain text into speaker turns', async () => {
    const word = await readTranscriptFile('notes.docx', await docx(['Facilitator: What helped?', 'Jo Bloggs: The baby group.', 'It was warm.']));
    expect(word.ok && splitTurns(word.text, word.format)).toEqual([
      { speaker: 'Facilitator', text: 'What helped?' },
      { speaker: 'Jo Bloggs', text: 'The baby group. It was warm.' },
    ]);
    const vtt = await readTranscriptFile('call.vtt', text('WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.000\n<v Sam Host>Welcome everyone</v>\n\n00:00:05.000 --> 00:00:09.000\n<v Priya Patel>Thanks, I <b>loved</b> it</v>\n'));
    expect(vtt.ok && splitTurns(vtt.text, vtt.format)).toEqual([
      { speaker: 'Sam Host', text: 'Welcome everyone' },
      { speaker: 'Priya Patel', text: 'Thanks, I loved it' },
    ]);
    const srt = await readTranscriptFile('call.srt', text('1\n00:00:01,000 --> 00:00:02,000\nAli: Hello\n\n2\n00:00:03,000 --> 00:00:04,000\nAli: Still me\n'));
    expect(srt.ok && splitTurns(srt.text, srt.format)).toEqual([{ speaker: 'Ali', text: 'Hello Still me' }]);
  });

  it('refuses what is not a transcript, by its content: empty, too big, a program named .docx, binary text, an unknown type, a zip bomb', async () => {
    const refused = async (name: string, bytes: Uint8Array) => {
      const result = await readTranscriptFile(name, bytes);
      expect(result.ok).toBe(false);
      return result.ok ? '' : result.message;
    };
    expect(await refused('a.txt', new Uint8Array())).toMatch(/empty/);
    expect(await refused('a.txt', text('   \n'))).toMatch(/empty/);
    expect(await refused('a.txt', new Uint8Array(5 * 1024 * 1024 + 1).fill(65))).toMatch(/smaller than 5 MB/);
    expect(await refused('a.docx', text('MZ\u0090\u0000 this is a program'))).toMatch(/not a Word document/);
    expect(await refused('a.txt', Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, 0xff, 0xfe]))).toMatch(/not plain text/);
    expect(await refused('a.exe', text('hello'))).toMatch(/\.docx, \.txt, \.vtt or \.srt/);
    // 30 MB of one letter packs into a few kilobytes: refused from the zip's directory, unread.
    const bomb = await docx(['hello'], { 'word/padding.xml': 'A'.repeat(30 * 1024 * 1024) });
    expect(bomb.byteLength).toBeLessThan(200_000);
    expect(await refused('bomb.docx', bomb)).toMatch(/too large once opened/);
  });

  it('replaces speakers with labels and removes their names, emails and phone numbers from what was said', () => {
    const turns = pseudonymiseTurns(
      [
        { speaker: 'Sam Host', text: 'Thanks Priya, and thanks Tom.' },
        { speaker: 'Priya Patel', text: 'Email me at priya.patel@example.com or ring 07700 900123. <script>alert(1)</script>' },
        { speaker: 'Tom Okafor', text: 'Priya said it all.' },
        { speaker: 'Facilitator', text: 'Thank you.' },
      ],
      { facilitators: ['Sam Host'] },
    );
    expect(turns.map((turn) => turn.speaker)).toEqual(['Facilitator', 'Participant 1', 'Participant 2', 'Facilitator']);
    const all = JSON.stringify(turns);
    for (const secret of ['Priya', 'Patel', 'Tom', 'Okafor', 'Sam', 'example.com', '07700']) expect(all).not.toContain(secret);
    // Kept as text: shown inert wherever it is displayed.
    expect(turns[1]!.text).toContain('<script>');
  });
});
