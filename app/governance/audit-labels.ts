/** What each audited action means, in plain words for the audit trail and its export. */
export const AUDIT_ACTIONS: Record<string, string> = {
  'auth.sign-in': 'Signed in',
  'auth.sign-in.failed': 'Failed to sign in',
  'auth.sign-in.throttled': 'Sign-in refused after too many attempts',
  'auth.sign-out': 'Signed out',
  'auth.sign-in.password': 'Gave the right password; a security code comes next',
  'auth.second-factor.failed': 'Entered a wrong security code',
  'auth.second-factor.throttled': 'Security code refused after too many wrong codes',
  'auth.second-factor.enrolled': 'Set up an authenticator app',
  'auth.second-factor.recovery-codes': 'Made new recovery codes',
  'auth.second-factor.reset': 'Reset someone’s authenticator app',
  'audit.view': 'Viewed the audit trail',
  'audit.export': 'Downloaded the audit trail',
  'outbox.view': 'Viewed the outbox',
  'staff.create': 'Created a staff account',
  'staff.invite': 'Invited a member of staff',
  'staff.update': 'Changed a role or scope',
  'staff.disable': 'Disabled an account',
  'staff.enable': 'Re-enabled an account',
  'staff.password-reset': 'Reset a password',
  'staff.password-set': 'Set a password from an emailed link',
  'staff.password-change': 'Changed their own password',
  'panels.create': 'Created a panel',
  'panels.update': 'Changed a panel',
  'participants.view': 'Viewed panel members’ details',
  'participants.sign-up': 'A family joined a panel',
  'participants.add-offline': 'Added a member recruited offline, with how they agreed',
  'participants.view-awaiting-guardian': 'Viewed young people waiting for a guardian to agree',
  'participants.sign-up-known-email': 'A sign-up named an email already held',
  'participants.join-confirmed': 'A member confirmed joining a panel',
  'participants.guardian-agreed': 'A parent or guardian agreed',
  'participants.update-self': 'A member changed their own details',
  'participants.withdraw': 'A member left and their details were deleted',
  'participants.search': 'Searched for a panel member (to answer a request about their data)',
  'participants.subject-access': 'Downloaded everything held about a member (subject access)',
  'participants.correct': 'Corrected a member’s details on request',
  'participants.erase': 'Erased a member from both stores on request',
  'participants.stay': 'A member chose to stay after a notice of removal for inactivity',
  'retention.run': 'The retention schedule ran (counts of what it deleted)',
  'session.people.view': 'Viewed who is coming to a session',
  'session.ics': 'A member downloaded a calendar file',
  'sessions.schedule': 'Scheduled a session',
  'sessions.schedule.notice-override': 'Scheduled a session at short notice',
  'sessions.reschedule': 'Moved a session',
  'sessions.reschedule.notice-override': 'Moved a session at short notice',
  'sessions.edit': 'Changed a session’s details',
  'sessions.cancel': 'Cancelled a session',
  'attendance.view': 'Viewed a session’s attendance list',
  'attendance.record': 'Recorded attendance',
  'attendance.export': 'Downloaded a panel’s attendance',
  'transcripts.add': 'Added a session’s transcript or notes',
  'coding.set': 'Coded an excerpt',
  'coding.undo': 'Undid the coding of an excerpt',
  'coding.accept-suggestion': 'Accepted a suggested code',
  'coding.reject-suggestion': 'Rejected a suggested code',
  'codes.create': 'Added a code to the codebook',
  'codes.rename': 'Renamed a code',
  'codes.retire': 'Retired a code',
  'codes.reinstate': 'Brought back a retired code',
  'codes.merge': 'Merged one code into another',
  'themes.refresh': 'Refreshed the suggested codes and emerging themes',
  'themes.adopt': 'Made an emerging theme into a code',
  'reports.publish': 'Published a quarterly report',
  'responses.import': 'Brought in responses from a file',
  'quarters.theme': 'Set a quarter’s theme',
  'footprints.set': 'Set a programme’s footprint',
  'guides.publish': 'Published a good-practice guide',
  'guides.version': 'Published a new version of a guide',
  'events.record': 'Recorded a workshop or event',
  'events.codes': 'Made single-use feedback codes for an event',
  'support.set': 'Set the local authorities given direct support',
  'support.assess': 'Recorded a Family Voice self-assessment',
  'data.export': 'Exported everything for the Authority (identity data encrypted)',
  'data.export.requested': 'Asked for an export to the Authority',
  'data.export.download': 'Downloaded an export to the Authority',
  'data.dispose': 'Disposed of the stores (certificate written)',
  'site.page-edit': 'Changed a page of the public site',
};

export const AUDIT_SUBJECTS: Record<string, string> = {
  audit_trail: 'Audit trail',
  retention: 'Retention schedule',
  code: 'Code',
  excerpt: 'Excerpt',
  transcript: 'Transcript',
  emerging_theme: 'Emerging theme',
  guide: 'Good-practice guide',
  event: 'Event',
  local_authority: 'Local authority',
  site_page: 'Public site page',
  published_report: 'Published report',
  outbox: 'Outbox',
  panel: 'Panel',
  panel_session: 'Session',
  participant: 'Panel member',
  staff_user: 'Staff account',
};

/** Who did it: a staff member's name, or what the system calls the other actors. */
export function actorLabel(who: string, name: string | null): string {
  if (name) return name;
  if (who === 'anonymous') return 'Someone not signed in';
  if (who === 'system') return 'The system';
  return 'A removed account';
}

export function actionLabel(what: string): string {
  return AUDIT_ACTIONS[what] ?? what;
}

/** Details as "reason: …; count: 3", never raw JSON. */
export function detailsText(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => `${key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('; ');
}
