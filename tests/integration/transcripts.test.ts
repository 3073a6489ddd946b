import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { identityDb } from '#db/identity/client';
import { researchDb } from '#db/research/client';
import { transcripts, transcriptSegments } from '#db/research/schema';
import { addTranscript } from '~/analysis/transcripts/store.server';
import { createPanel } from '~/research/panels.server';
import { insertSession } from '~/research/sessions.server';
import { sql } from 'drizzle-orm';
import { docx } from '../setup/docx';
import { allResearchText } from '../setup/research-text';
import { testStoreKind, withTestStores } from '../setup/stores';

withTestStores();

async function heldSession() {
  const panel = await createPanel(
    { name: 'Transcript panel', level: 'regional', regionCode: 'E12000008', laCode: null, programmeCodes: ['family-hubs'], audience: 'parents-carers', focus: null, recruitmentTarget: 10, existingGroup: false },
    { regionCodes: 'all' },
  );
  return insertSession({ panelId: panel.id, title: 'Talk', theme: null, startsAt: new Date(Date.now() - 86_400_000), endsAt: new Date(Date.now() - 82_800_000), mode: 'online', venueAccess: [], capacity: 10, invitationsSentAt: new Date(Date.now() - 40 * 86_400_000), noticeOverrideReason: null });
}

describe(`a session's transcript in the research store (${testStoreKind})`, () => {
  it('keeps speaker turns under labels, with no speaker name, email or phone number anywhere in either store', async () => {
    const session = await heldSession();
    const file = await docx([
      'Rowan Quillby: Welcome. Tell me what helped.',
      'Zephyrine Marchbank: The family hub. Email me on zephyrine.marchbank@example.org or call 07700 900456.',
      'Ottoline Farquar: I agree with Zephyrine.',
      'Rowan Quillby: Thank you both.',
    ]);
    const result = await addTranscript({ sessionId: session.id, kind: 'transcript', fileName: 'session.docx', bytes: file, facilitators: ['Rowan Quillby'] });
    expect(result).toMatchObject({ ok: true, segments: 4 });
    const segments = await researchDb().select().from(transcriptSegments).orderBy(transcriptSegments.position);
    expect(segments.map((segment) => segment.speaker)).toEqual(['Facilitator', 'Participant 1', 'Participant 2', 'Facilitator']);
    const research = await allResearchText();
    const identity = JSON.stringify(await identityDb().execute(sql`select * from audit_events`));
    for (const secret of ['Rowan', 'Quillby', 'Zephyrine', 'Marchbank', 'Ottoline', 'Farquar', 'example.org', '07700 900456', '900456']) {
      expect(research).not.toContain(secret);
      expect(identity).not.toContain(secret);
    }
    // Only the UK day is kept, so the row cannot be matched to an upload time.
    const [row] = await researchDb().select().from(transcripts).where(eq(transcripts.sessionId, session.id));
    expect(row!.addedOn.getUTCMinutes() + row!.addedOn.getUTCSeconds()).toBe(0);
  });

  it('writes nothing for a file it refuses', async () => {
    const session = await heldSession();
    const before = await researchDb().$count(transcripts);
    const result = await addTranscript({ sessionId: session.id, kind: 'notes', fileName: 'notes.docx', bytes: new TextEncoder().encode('MZ not a document') });
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/not a Word document/) });
    expect(await researchDb().$count(transcripts)).toBe(before);
  });
});
