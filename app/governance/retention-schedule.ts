/**
 * How long each kind of record is kept: the one place the schedule is set. The privacy notice lists
 * it, the daily retention job enforces it, and each run's counts go into the audit trail.
 */
export interface RetentionRule {
  key: RetentionKey;
  /** What is kept, in plain words. */
  what: string;
  /** For how long, in plain words (the privacy notice says exactly this). */
  kept: string;
}

export const RETENTION_DAYS = {
  surveyDrafts: 7,
  outboxMessages: 90,
  pastInvitations: 180,
  /** A member with no activity this long is told their details will be removed… */
  inactiveMembers: 730,
  /** …and removed this many days after the notice, unless they choose to stay or take part. */
  inactivityNotice: 30,
  signInAttempts: 1,
  withdrawnLinks: 365,
  auditEvents: 6 * 365,
} as const;

/** Staff sessions end after this long unused, and this long after sign-in however busy. */
export const STAFF_SESSION_LIMITS = { idleMinutes: 30, absoluteHours: 12 } as const;

/** Half-given sign-up details: long enough to fetch an email address, short enough not to linger. */
export const SIGN_UP_DRAFT_DAYS = 1;

export type RetentionKey =
  | 'surveyDrafts'
  | 'signUpDrafts'
  | 'staffSessions'
  | 'signInAttempts'
  | 'outboxMessages'
  | 'pastInvitations'
  | 'inactivityNotices'
  | 'inactiveMembers'
  | 'withdrawnLinks'
  | 'auditEvents';

/** Whole years are said, and counted, as calendar years (so six years is six, leap days and all). */
export const wholeYears = (days: number): number | null => (days > 0 && days % 365 === 0 ? days / 365 : null);

/** A period as the privacy notice says it: whole years in years, otherwise days. */
export function periodText(days: number): string {
  const years = wholeYears(days);
  const [count, unit] = years === null ? [days, 'day'] : [years, 'year'];
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

// The words come from the numbers the job enforces, so the notice cannot say one thing and the job do another.
export const RETENTION_SCHEDULE: readonly RetentionRule[] = [
  { key: 'surveyDrafts', what: 'Answers saved but not sent', kept: `${periodText(RETENTION_DAYS.surveyDrafts)} after they were last changed` },
  { key: 'signUpDrafts', what: 'Panel sign-ups started but not finished', kept: periodText(SIGN_UP_DRAFT_DAYS) },
  { key: 'staffSessions', what: 'Staff sign-in sessions', kept: `${STAFF_SESSION_LIMITS.idleMinutes} minutes without use, and never more than ${STAFF_SESSION_LIMITS.absoluteHours} hours` },
  { key: 'signInAttempts', what: 'Records of staff sign-in attempts, used to stop password guessing', kept: periodText(RETENTION_DAYS.signInAttempts) },
  { key: 'outboxMessages', what: 'Emails and text messages we sent (the record that they went)', kept: periodText(RETENTION_DAYS.outboxMessages) },
  { key: 'pastInvitations', what: 'Invitations to panel sessions, with their reminders and feedback codes', kept: `${periodText(RETENTION_DAYS.pastInvitations)} after the session` },
  {
    key: 'inactiveMembers',
    what: 'Contact details of panel members who have not taken part',
    kept: `${periodText(RETENTION_DAYS.inactiveMembers)} after they last took part, then ${periodText(RETENTION_DAYS.inactivityNotice)} after we tell them, unless they choose to stay`,
  },
  { key: 'withdrawnLinks', what: 'A coded copy of a member’s old links after they leave, so the links can say they have left', kept: periodText(RETENTION_DAYS.withdrawnLinks) },
  { key: 'auditEvents', what: 'The audit trail of who did what', kept: `${periodText(RETENTION_DAYS.auditEvents)} (the longest), then deleted` },
];

/** Not a deletion: each run also counts the notices it sent before removing inactive members. */
export const NOTICES_ROW = { key: 'inactivityNotices', what: `Notices sent to members who have not taken part for ${periodText(RETENTION_DAYS.inactiveMembers)}`, kept: `removed ${periodText(RETENTION_DAYS.inactivityNotice)} later unless they choose to stay` } as const;

