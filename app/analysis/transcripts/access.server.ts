import type { PanelSession } from '#db/research/schema';
import { getPanel, panelInScope } from '~/research/panels.server';
import { getSession } from '~/research/sessions.server';

/** Who may add and read transcripts: analysts and administrators for every session, facilitators for their regions'. */
export interface TranscriptUser {
  role: string;
  regionCodes: string[];
}

export function transcriptScope(user: TranscriptUser): string[] | 'all' {
  return user.role === 'analyst' || user.role === 'administrator' ? 'all' : user.regionCodes;
}

/** A session that has taken place and this person may add transcripts to: 404 if not found or cancelled, 403 if another region's, 409 if still to come. */
export async function requireTranscriptSession(user: TranscriptUser, sessionId: string | undefined): Promise<{ session: PanelSession; panelName: string }> {
  const session = sessionId && /^[0-9a-f-]{36}$/i.test(sessionId) ? await getSession(sessionId) : undefined;
  if (!session || session.cancelledAt) throw new Response('Not found', { status: 404 });
  const panel = await getPanel(session.panelId);
  if (!panel) throw new Response('Not found', { status: 404 });
  if (!panelInScope(panel, { regionCodes: transcriptScope(user) })) throw new Response('This session is in another region', { status: 403 });
  if (session.startsAt > new Date()) throw new Response('A transcript can be added once the session has taken place', { status: 409 });
  return { session, panelName: panel.name };
}
