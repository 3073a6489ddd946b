import { deleteParticipant } from '~/identity/participants.server';
import { pseudonymFor } from '~/identity/pseudonym.server';
import { deleteResearchRows } from '~/research/panels.server';

/**
 * A member stops taking part. Their research rows are deleted first, through the pseudonym, when
 * they ask for that; then their identity record. If the research deletion fails nothing else
 * happens, so they can try again and the pseudonym is not lost before their rows are gone.
 */
export async function withdrawParticipant({ participantId, deleteAnswers }: { participantId: string; deleteAnswers: boolean }): Promise<void> {
  if (deleteAnswers) await deleteResearchRows(pseudonymFor(participantId));
  await deleteParticipant({ participantId, researchDeleted: deleteAnswers });
}
