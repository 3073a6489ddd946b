import { pseudonymFor } from '~/identity/pseudonym.server';
import { confirmSignUp, createConfirmation, dropGuardianRequest, expiredConfirmations, findConfirmation, hasActiveMembership } from '~/identity/confirmations.server';
import { queueMessage, queueForMember } from '~/identity/messages.server';
import { createParticipant, findParticipantByEmail, undoSignUp } from '~/identity/participants.server';
import { recordAudit } from '~/governance/audit.server';
import { publicUrl } from '~/utils/public-url.server';
import { withdrawParticipant } from './withdraw.server';
import { getPanel, recordPanelMember, recordPanelMembership } from '~/research/panels.server';
import { inviteToComingSessions } from '~/scheduling/late-joiners.server';
import { scrubQuestionAnswers } from '~/surveys/scrub-answers';
import type { Panel } from '#db/research/schema';
import { aboutYouQuestions, type SignUpInput } from './sign-up-steps.server';

/**
 * Signs someone up to a panel: contact details and consent to the identity store, the About-you
 * profile to the research store under their pseudonym. If the second write fails the first is undone.
 * Then they are invited to the panel's sessions that still give 4 weeks' notice. It ends the same way
 * whoever signed up, so the pages never tell a stranger whether an email is known.
 */
export async function signUpToPanel({
  panel,
  input,
  correlationId,
}: {
  panel: Panel;
  input: SignUpInput;
  correlationId?: string;
}): Promise<void> {
  const { details } = input;
  const existing = details.email ? await findParticipantByEmail(details.email) : undefined;
  if (existing) {
    // Nothing about them changes here: whoever typed their email may not be them. They are asked,
    // through the contact we already hold, whether they want to join this panel too.
    const token = await createConfirmation({ kind: 'existing-member', participantId: existing.id, panelId: panel.id });
    await recordAudit({ who: 'anonymous', what: 'participants.sign-up-known-email', subjectId: existing.id, subjectType: 'participant', correlationId, details: { panelId: panel.id } });
    await queueForMember(existing, {
      subject: `Do you want to join ${panel.name}?`,
      text: `Hello ${existing.fullName},\n\nSomeone asked to join "${panel.name}" with your email address. If it was you, confirm here:\n${publicUrl(`/panels/confirm/${token}`)}\n\nYour details stay as they are. To change them, use the personal link in any invitation we have sent you.\n\nIf it was not you, you do not need to do anything.\n\nFamily Voice`,
    });
    return;
  }

  const participant = await createParticipant({ details, panelId: panel.id, correlationId });
  const la = typeof input.profile.la === 'string' && /^E\d{8}$/.test(input.profile.la) ? input.profile.la : null;
  try {
    const awaitingGuardian = details.ageGroup === 'under-16';
    await recordPanelMember({ pseudonym: pseudonymFor(participant.id), panelId: panel.id, profile: scrubQuestionAnswers(aboutYouQuestions({ youngPeople: panel.audience === 'young-people' }), input.profile, { names: [details.fullName, details.guardianName ?? ''] }),
      laCode: la,
      joinsNow: !awaitingGuardian,
    });
  } catch (error) {
    await undoSignUp({ participantId: participant.id });
    throw error;
  }
  if (details.ageGroup === 'under-16' && details.guardianContact) {
    // The young person's own tick is not a parent's agreement: the guardian says yes through their own contact.
    const token = await createConfirmation({ kind: 'guardian', participantId: participant.id, panelId: panel.id });
    const byEmail = details.guardianContact.includes('@');
    await queueMessage({
      channel: byEmail ? 'email' : 'text',
      to: details.guardianContact,
      participantId: participant.id,
      subject: `Can ${details.fullName} join a Family Voice panel?`,
      text: `Hello ${details.guardianName ?? ''},\n\n${details.fullName} would like to join "${panel.name}", a young people’s panel of the Family Voice project, and gave your details as their parent or guardian. They can only join if you agree. Read about the panel and answer here:\n${publicUrl(`/panels/confirm/${token}`)}\n\nIf we do not hear from you within 7 days, their details will be deleted.\n\nFamily Voice`,
    });
    return;
  }
  await inviteToComingSessions({ panel, participantId: participant.id });
}

export type ConfirmationPage = { kind: 'existing-member' | 'guardian'; panelName: string; personName: string } | undefined;

/** What a confirmation link asks, for its page; undefined when it is used, expired or unknown. */
export async function describeConfirmation(token: string): Promise<ConfirmationPage> {
  const found = await findConfirmation(token);
  const panel = found ? await getPanel(found.panelId) : undefined;
  if (!found || !panel) return undefined;
  return { kind: found.kind, panelName: panel.name, personName: found.participant.fullName };
}

/**
 * Answers a confirmation link. Yes: the member joins (and is invited to coming sessions that still
 * give 4 weeks' notice). A guardian's no: the young person's details and answers are deleted.
 */
export async function answerConfirmation({ token, agree, correlationId }: { token: string; agree: boolean; correlationId?: string }): Promise<'joined' | 'declined' | 'not-found'> {
  if (!agree) {
    const found = await findConfirmation(token);
    if (!found) return 'not-found';
    if (found.kind === 'guardian') await withdrawParticipant({ participantId: found.participant.id, deleteAnswers: true });
    return 'declined';
  }
  const confirmed = await confirmSignUp({ token, correlationId });
  const panel = confirmed ? await getPanel(confirmed.panelId) : undefined;
  if (!confirmed || !panel) return 'not-found';
  // Counted on the panel only now: an existing member saying yes, or a guardian agreeing.
  await recordPanelMembership({ pseudonym: pseudonymFor(confirmed.participant.id), panelId: panel.id });
  await inviteToComingSessions({ panel, participantId: confirmed.participant.id });
  return 'joined';
}

/**
 * Seven days on, a guardian who never answered is taken as a no: a young person who joined only that
 * panel is deleted from both stores, as if the guardian had said no; one who belongs to other panels
 * loses only the waiting membership. Returns how many requests were closed.
 */
export async function removeUnansweredGuardianRequests(now = new Date()): Promise<number> {
  const expired = await expiredConfirmations(now);
  for (const request of expired) {
    if (await hasActiveMembership(request.participantId)) await dropGuardianRequest(request);
    // Deleting the person deletes the request with them.
    else await withdrawParticipant({ participantId: request.participantId, deleteAnswers: true });
  }
  return expired.length;
}
