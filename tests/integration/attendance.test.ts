import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { identityDb } from '#db/identity/client';
import { invitations, outboxMessages } from '#db/identity/schema';
import { researchDb } from '#db/research/client';
import { panelSessions, sessionParticipation, surveyResponses } from '#db/research/schema';
import { seedDemoData } from '#db/seed/seed';
import { pseudonymFor } from '~/identity/pseudonym.server';
import { claimFeedbackCode } from '~/identity/feedback-codes.server';
import { recordAttendance } from '~/scheduling/attendance.server';
import { sourceFromParams } from '~/surveys/sources.server';
import { getSurvey } from '~/surveys/definitions.server';
import { submitResponse } from '~/surveys/responses.server';
import { allResearchText } from '../setup/research-text';
import { testStoreKind, withTestStores } from '../setup/stores';

withTestStores();

describe(`attendance and session feedback (${testStoreKind})`, () => {
  it('keeps attendance by pseudonym in the research store, sends attendees the feedback form, and stores feedback with the session', async () => {
    await seedDemoData();
    const [session] = await researchDb().select().from(panelSessions).where(eq(panelSessions.title, 'Getting help with mental health')).limit(1);
    const accepted = await identityDb().select().from(invitations).where(eq(invitations.sessionId, session!.id));
    expect(accepted.length).toBeGreaterThan(2);
    const marks = Object.fromEntries(accepted.map((invitation, index) => [invitation.id, index !== 0]));
    const before = await identityDb().$count(outboxMessages);

    const result = await recordAttendance({ session: session!, marks, userId: 'test' });
    expect(result).toEqual({ recorded: accepted.length, feedbackSent: accepted.length - 1 });
    const rows = await researchDb().select().from(sessionParticipation).where(eq(sessionParticipation.sessionId, session!.id));
    expect(rows.map((row) => row.pseudonym).sort()).toEqual(accepted.map((invitation) => pseudonymFor(invitation.participantId)).sort());
    expect(rows.filter((row) => row.attended)).toHaveLength(accepted.length - 1);
    expect(await identityDb().$count(outboxMessages)).toBe(before + accepted.length - 1);

    // Each attendee's link carries their own code, which works once; a session named in a link is ignored.
    const sent = await identityDb().select().from(outboxMessages).orderBy(outboxMessages.id);
    const codes = sent.slice(before).map((message) => /session-feedback\?code=([A-Za-z0-9_-]{43})/.exec(message.body ?? '')?.[1]);
    expect(new Set(codes).size).toBe(accepted.length - 1);
    expect(await claimFeedbackCode(codes[0]!)).toBe(session!.id);
    expect(await claimFeedbackCode(codes[0]!)).toBeNull();
    expect(await claimFeedbackCode('x'.repeat(43))).toBeNull();
    expect(sourceFromParams(new URLSearchParams({ session: session!.id }))).toEqual({});

    // Saving again sends nobody a second form.
    expect((await recordAttendance({ session: session!, marks, userId: 'test' })).feedbackSent).toBe(0);

    const feedback = getSurvey('session-feedback')!;
    const responseId = randomUUID();
    const stored = await submitResponse({
      survey: feedback,
      responseId,
      answers: { session_quality: { professional: 'strongly-agree', safe: 'agree' }, session_change: 'More breaks' },
      source: { session: session!.id },
    });
    expect(stored.ok).toBe(true);
    const [row] = await researchDb().select().from(surveyResponses).where(eq(surveyResponses.id, responseId));
    expect(row).toMatchObject({ surveyId: 'session-feedback', sessionId: session!.id, laCode: null });

    const text = await allResearchText();
    expect(text).not.toMatch(/Testparent|@example\.com|07700 900/);
    for (const invitation of accepted) expect(text).not.toContain(invitation.participantId);
  });
});
