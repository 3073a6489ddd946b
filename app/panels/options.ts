/** Choices shared by the panel pages and the server checks (not server-only, so pages can list them). */

/** Times a member can say suit them. */
export const AVAILABILITY = {
  'weekday-mornings': 'Weekday mornings',
  'weekday-daytime': 'Weekdays during school hours',
  'weekday-evenings': 'Weekday evenings',
  weekends: 'Weekends',
} as const;

/** What a venue offers, shown to members with the invitation. */
export const VENUE_ACCESS = {
  'step-free': 'Step-free access',
  'hearing-loop': 'Hearing loop',
  parking: 'Parking',
  'public-transport': 'Near public transport',
  creche: 'Crèche',
} as const;

/**
 * Age, asked once when joining: whether a parent or guardian must agree (under 16) and, for the
 * research profile, the common question set's age band.
 */
export const AGE_CHOICES = {
  'under-16': { label: 'Under 16', group: 'under-16', band: 'under-18' },
  '16-17': { label: '16 or 17', group: '16-17', band: 'under-18' },
  '18-24': { label: '18 to 24', group: '18-plus', band: '18-24' },
  '25-34': { label: '25 to 34', group: '18-plus', band: '25-34' },
  '35-44': { label: '35 to 44', group: '18-plus', band: '35-44' },
  '45-54': { label: '45 to 54', group: '18-plus', band: '45-54' },
  '55-64': { label: '55 to 64', group: '18-plus', band: '55-64' },
  '65-plus': { label: '65 or over', group: '18-plus', band: '65-plus' },
  '18-plus': { label: '18 or over (I prefer not to say more)', group: '18-plus', band: 'prefer-not-to-say' },
} as const satisfies Record<string, { label: string; group: 'under-16' | '16-17' | '18-plus'; band: string }>;
export type AgeChoice = keyof typeof AGE_CHOICES;

/** How a member would like to take part. */
export const ATTENDANCE_MODES = { 'in-person': 'In person', online: 'Online', either: 'Either' } as const;

/** How a member would like to be contacted. */
export const CONTACT_METHODS = { email: 'Email', phone: 'Phone call', text: 'Text message' } as const;

/** Where a session stands for its facilitator. */
export type SessionStatus = 'upcoming' | 'attendance-needed' | 'done';
export const SESSION_STATUS_LABELS: Record<SessionStatus, string> = { upcoming: 'Upcoming', 'attendance-needed': 'Attendance needed', done: 'Done' };

/** How someone a facilitator added offline agreed to join. */
export const CONSENT_METHODS = { 'paper-form': 'On a paper form', phone: 'On the phone', 'in-person': 'In person, and I noted it' } as const;
