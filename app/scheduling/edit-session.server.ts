import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { identityDb } from '#db/identity/client';
import { invitations, participants, type StaffUser } from '#db/identity/schema';
import type { Panel, PanelSession } from '#db/research/schema';
import type { FieldError } from '~/components/error-summary';
import { recordAudit } from '~/governance/audit.server';
import { queueForMember } from '~/identity/messages.server';
import { updateSessionDetails } from '~/research/sessions.server';
import { scrubPersonalData } from '~/utils/scrub';
import { assignFacilitators, facilitatorChoices, facilitatorsOf } from './facilitators.server';
import { invitationCounts } from './invitations.server';
import { formatLondon } from './notice';
import { saveSessionPlace, withPlace } from './places.server';
import { placeErrors, sessionDetailsSchema } from './session-details';

export const editSessionSchema = sessionDetailsSchema;
export const EDIT_SESSION_LISTS = ['venueAccess', 'facilitators'] as const;
export type EditSessionInput = z.infer<typeof editSessionSchema>;

export type EditSessionResult = { ok: true; changed: string[]; notified: number } | { ok: false; errors: FieldError[] };

const MODE_WORDS = { 'in-person': 'in person', online: 'online', hybrid: 'in person or online' } as const;

/**
 * Edits an upcoming session. Everyone invited who has not declined is told when something that
 * matters to them changed (title, how or where it happens, how to join); joining details go only to
 * people with a place. Places cannot drop below the number already taken.
 */
export async function editSession({
  panel,
  session,
  user,
  input,
  correlationId,
}: {
  panel: Panel;
  session: PanelSession;
  user: StaffUser;
  input: EditSessionInput;
  correlationId?: string;
}): Promise<EditSessionResult> {
  const errors: FieldError[] = placeErrors(input);
  const taken = (await invitationCounts(session.id)).accepted ?? 0;
  if (input.capacity < taken) errors.push({ field: 'capacity', message: `${taken} people already have a place: the session needs at least ${taken} places` });
  const choices = new Set((await facilitatorChoices(panel)).map((choice) => choice.id));
  const facilitators = [...new Set(input.facilitators.filter(Boolean))];
  if (choices.size > 0 && facilitators.length === 0) errors.push({ field: 'facilitators', message: 'Select who will run the session' });
  if (facilitators.some((id) => !choices.has(id))) errors.push({ field: 'facilitators', message: 'Select facilitators from the list' });
  if (errors.length > 0) return { ok: false, errors };

  const before = await withPlace(session);
  const names = [user.displayName];
  const details = {
    title: scrubPersonalData(input.title, { names }),
    theme: input.theme ? scrubPersonalData(input.theme, { names }) : null,
    mode: input.mode,
    venueAccess: input.mode === 'online' ? [] : input.venueAccess,
    capacity: input.capacity,
  };
  const place = { venue: input.mode === 'online' ? null : input.venue, onlineDetails: input.mode === 'in-person' ? null : input.onlineDetails };
  const runBefore = (await facilitatorsOf([session.id])).get(session.id) ?? [];
  await saveSessionPlace(session.id, place);
  const updated = await updateSessionDetails(session.id, details);
  await assignFacilitators(session.id, facilitators);
  const runAfter = (await facilitatorsOf([session.id])).get(session.id) ?? [];

  const changed = [
    before.title !== updated.title && 'title',
    before.theme !== updated.theme && 'theme',
    before.mode !== updated.mode && 'mode',
    before.venue !== place.venue && 'venue',
    before.venueAccess.join() !== updated.venueAccess.join() && 'venue access',
    before.onlineDetails !== place.onlineDetails && 'joining details',
    before.capacity !== updated.capacity && 'places',
    runBefore.join() !== runAfter.join() && 'who runs it',
  ].filter((item): item is string => Boolean(item));

  // What a member needs to hear about; places and who runs it are the team's business.
  const matters = changed.filter((item) => ['title', 'mode', 'venue', 'venue access', 'joining details'].includes(item));
  let notified = 0;
  if (matters.length > 0) {
    const people = await identityDb()
      .select({ id: participants.id, fullName: participants.fullName, email: participants.email, phone: participants.phone, preferredContact: participants.preferredContact, status: invitations.status })
      .from(invitations)
      .innerJoin(participants, eq(participants.id, invitations.participantId))
      .where(and(eq(invitations.sessionId, session.id), inArray(invitations.status, ['invited', 'accepted', 'waitlisted'])));
    for (const person of people) {
      const lines = [
        `"${updated.title}" on ${formatLondon(updated.startsAt)} has changed.`,
        matters.includes('title') ? `It is now called "${updated.title}".` : null,
        matters.includes('mode') ? `You can now take part ${MODE_WORDS[updated.mode as keyof typeof MODE_WORDS] ?? updated.mode}.` : null,
        place.venue && (matters.includes('venue') || matters.includes('venue access') || matters.includes('mode')) ? `Where: ${place.venue}.` : null,
        place.onlineDetails && (matters.includes('joining details') || matters.includes('mode'))
          ? person.status === 'accepted'
            ? `How to join online:\n${place.onlineDetails}`
            : 'People with a place are sent the new joining details.'
          : null,
        'Your personal link shows the details and lets you change your reply.',
      ].filter(Boolean);
      await queueForMember(person, { subject: `Changed: ${updated.title}`, text: `Hello ${person.fullName},\n\n${lines.join('\n\n')}\n\nFamily Voice` });
      notified += 1;
    }
  }
  await recordAudit({ who: user.id, what: 'sessions.edit', subjectId: session.id, subjectType: 'panel_session', correlationId, details: { changed: changed.join(', '), notified } });
  return { ok: true, changed, notified };
}
