/** Events for local authorities and partners: shared by server code and pages. */
/** What kind of event it was; workshops, training and webinars count towards KPI 7.2.2.d, peer support towards 7.2.2.e. */
export const EVENT_KINDS = {
  workshop: 'Workshop',
  training: 'Training course',
  webinar: 'Webinar',
  'peer-support': 'Peer support group',
  'direct-support': 'Direct support visit',
} as const;
export type EventKind = keyof typeof EVENT_KINDS;
export const EVENT_KIND_VALUES = Object.keys(EVENT_KINDS) as [EventKind, ...EventKind[]];
/** Kinds that are workshops and training for the delivery count (at least one a quarter, eight in all). */
export const WORKSHOP_KINDS: EventKind[] = ['workshop', 'training', 'webinar'];

export const EVENT_FEEDBACK_SURVEY = 'event-feedback';
/** Link tokens and single-use codes are newToken()s. */
export const EVENT_SECRET = /^[A-Za-z0-9_-]{43}$/;
/** At most this many single-use codes at a time. */
export const MAX_EVENT_CODES = 200;

