import type { Panel } from '#db/research/schema';
import { logger } from '~/utils/logger.server';
import { inviteMembers } from './invitations.server';
import { earliestStart } from './notice';
import { withPlaces } from './places.server';
import { panelSessionList } from '~/research/sessions.server';

/**
 * Someone who joins a panel is invited to its sessions that still give them 4 weeks' notice (spec
 * 5.18); sooner ones are left out, as they would be for anyone. Sessions they were already invited
 * to (someone signing up again) are skipped. Reminders are queued per session, so they reach
 * newcomers too. Returns how many invitations were sent.
 */
export async function inviteToComingSessions({ panel, participantId, now = new Date() }: { panel: Panel; participantId: string; now?: Date }): Promise<number> {
  const sessions = await withPlaces(await panelSessionList({ panelId: panel.id, from: earliestStart(now) }));
  let offered = 0;
  for (const session of sessions) {
    try {
      offered += await inviteMembers({ session, panelName: panel.name, participantId });
    } catch (error) {
      // The sign-up itself has succeeded; a message that could not go is logged, not shown to the family.
      // Only the error's code: a mail server's message can quote the address.
      logger.error({ code: (error as { code?: string }).code ?? 'unknown', sessionId: session.id }, 'could not invite a new member to a coming session');
    }
  }
  return offered;
}
