import type { Panel } from '#db/research/schema';
import { membershipCounts } from '~/identity/participants.server';
import { panelSessionList, sessionsWithAttendance } from '~/research/sessions.server';
import { invitationCountsBySession } from '~/scheduling/invitations.server';
import { formatLondon } from '~/scheduling/notice';
import type { SessionStatus } from './options';


/**
 * A panel at a glance, in counts only (no names, so not a view of identity data): its sessions with
 * their status and places, and how many members it has against its target.
 */
export async function panelOverview(panel: Panel, now = new Date()) {
  const sessions = await panelSessionList({ panelId: panel.id });
  const ids = sessions.map((session) => session.id);
  const [counts, recorded, members] = await Promise.all([invitationCountsBySession(ids), sessionsWithAttendance(ids), membershipCounts(panel.id)]);
  return {
    members,
    sessions: sessions.map((session) => {
      const places = counts.get(session.id) ?? {};
      const accepted = places.accepted ?? 0;
      // A past session with nobody to mark has nothing left to do.
      const status: SessionStatus = session.startsAt > now ? 'upcoming' : recorded.has(session.id) || accepted === 0 ? 'done' : 'attendance-needed';
      return {
        id: session.id,
        title: session.title,
        when: formatLondon(session.startsAt),
        mode: session.mode,
        capacity: session.capacity,
        accepted,
        waitlisted: places.waitlisted ?? 0,
        status,
      };
    }),
  };
}
