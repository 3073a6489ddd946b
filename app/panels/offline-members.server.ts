import { z } from 'zod';
import type { FieldError } from '~/components/error-summary';
import { createParticipant, findParticipantByEmail, undoSignUp } from '~/identity/participants.server';
import { pseudonymFor } from '~/identity/pseudonym.server';
import { recordPanelMember } from '~/research/panels.server';
import { inviteToComingSessions } from '~/scheduling/late-joiners.server';
import { fieldErrors, type FormValues } from '~/utils/form';
import type { Panel } from '#db/research/schema';
import { AGE_CHOICES, CONSENT_METHODS } from './options';
import { detailsSchema, takingPartSchema } from './sign-up-steps.server';

const consentSchema = z.object({
  consentMethod: z.enum(Object.keys(CONSENT_METHODS) as [keyof typeof CONSENT_METHODS], { errorMap: () => ({ message: 'Select how they agreed' }) }),
  consentConfirmed: z.literal('yes', { errorMap: () => ({ message: 'Confirm they agreed to take part in the research and to be contacted' }) }),
});

export interface OfflineMemberInput {
  details: z.output<typeof detailsSchema>;
  takingPart: z.output<typeof takingPartSchema>;
  consent: z.output<typeof consentSchema>;
}

/** Reads the add-a-member form: the same checks as the sign-up pages, and how they agreed. */
export function parseOfflineMember(values: FormValues): { ok: true; input: OfflineMemberInput } | { ok: false; errors: FieldError[] } {
  const details = detailsSchema.safeParse(values);
  const takingPart = takingPartSchema.safeParse(values);
  const consent = consentSchema.safeParse(values);
  const errors = [details, takingPart, consent].flatMap((result) => (result.success ? [] : fieldErrors(result.error)));
  // A parent or guardian agrees through their own contact: under-16s join through the sign-up pages.
  if (values.age === 'under-16') errors.unshift({ field: 'age', message: 'Under-16s need a parent or guardian to agree: ask them to join through the panel’s sign-up pages' });
  if (!details.success || !takingPart.success || !consent.success || errors.length > 0) return { ok: false, errors };
  return { ok: true, input: { details: details.data, takingPart: takingPart.data, consent: consent.data } };
}

/**
 * Adds someone a facilitator recruited in person: their details and how they agreed (with who
 * recorded it) to the identity store, their age band under their pseudonym to the research store,
 * and invitations to the sessions that still give 4 weeks' notice.
 */
export async function addOfflineMember({
  panel,
  input,
  staffId,
  correlationId,
}: {
  panel: Panel;
  input: OfflineMemberInput;
  staffId: string;
  correlationId?: string;
}): Promise<{ ok: true } | { ok: false; errors: FieldError[] }> {
  const { details, takingPart, consent } = input;
  const email = details.email?.toLowerCase() ?? null;
  if (email && (await findParticipantByEmail(email))) {
    return { ok: false, errors: [{ field: 'email', message: 'Someone with this email address has already signed up. Ask them to join this panel through its sign-up pages' }] };
  }
  const age = AGE_CHOICES[details.age];
  const participant = await createParticipant({
    details: {
      fullName: details.fullName,
      email,
      phone: details.phone,
      preferredContact: details.preferredContact,
      ageGroup: age.group,
      ...takingPart,
      guardianName: null,
      guardianContact: null,
    },
    panelId: panel.id,
    correlationId,
    offline: { method: consent.consentMethod, recordedBy: staffId },
  });
  try {
    await recordPanelMember({ pseudonym: pseudonymFor(participant.id), panelId: panel.id, profile: { age_band: age.band }, laCode: null });
  } catch (error) {
    await undoSignUp({ participantId: participant.id });
    throw error;
  }
  await inviteToComingSessions({ panel, participantId: participant.id });
  return { ok: true };
}
