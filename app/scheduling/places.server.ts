import { eq, inArray } from 'drizzle-orm';
import { identityDb } from '#db/identity/client';
import { sessionPlaces } from '#db/identity/schema';
import type { PanelSession } from '#db/research/schema';

export type SessionPlaceDetails = { venue: string | null; onlineDetails: string | null };
/** A session with where it happens, read from the identity store (ADR 0001: staff free text stays there). */
export type PlacedSession = PanelSession & SessionPlaceDetails;

export async function saveSessionPlace(sessionId: string, place: SessionPlaceDetails): Promise<void> {
  await identityDb()
    .insert(sessionPlaces)
    .values({ sessionId, ...place })
    .onConflictDoUpdate({ target: sessionPlaces.sessionId, set: { ...place, updatedAt: new Date() } });
}

export async function withPlace(session: PanelSession): Promise<PlacedSession> {
  const [place] = await identityDb().select().from(sessionPlaces).where(eq(sessionPlaces.sessionId, session.id));
  return { ...session, venue: place?.venue ?? null, onlineDetails: place?.onlineDetails ?? null };
}

export async function withPlaces(sessions: PanelSession[]): Promise<PlacedSession[]> {
  if (sessions.length === 0) return [];
  const places = await identityDb().select().from(sessionPlaces).where(inArray(sessionPlaces.sessionId, sessions.map((session) => session.id)));
  const byId = new Map(places.map((place) => [place.sessionId, place]));
  return sessions.map((session) => ({ ...session, venue: byId.get(session.id)?.venue ?? null, onlineDetails: byId.get(session.id)?.onlineDetails ?? null }));
}
