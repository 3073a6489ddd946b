/**
 * The identity store: everything that names a person. Nothing here is ever joined with the
 * research store; the only bridge is `pseudonymFor` in app/identity/pseudonym.server.ts.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const staffRole = pgEnum('staff_role', [
  'administrator',
  'facilitator',
  'analyst',
  'programme_lead',
  'la_officer',
]);

export const staffUsers = pgTable('staff_users', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Stored lower-cased so sign-in is case-insensitive. */
  email: text('email').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: staffRole('role').notNull(),
  /** Facilitators: the ONS region codes (E12…) they cover. */
  regionCodes: text('region_codes').array().notNull().default(sql`'{}'::text[]`),
  /** Programme leads: the programme codes they read. */
  programmeCodes: text('programme_codes').array().notNull().default(sql`'{}'::text[]`),
  /** Local authority officers: their upper-tier LA (ONS code). */
  laCode: text('la_code'),
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
  lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
export type StaffUser = typeof staffUsers.$inferSelect;
export type NewStaffUser = typeof staffUsers.$inferInsert;
export type StaffRole = (typeof staffRole.enumValues)[number];

export const staffSessions = pgTable(
  'staff_sessions',
  {
    /** SHA-256 of the cookie token, so a copy of this table cannot be replayed as cookies. */
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('staff_sessions_user_idx').on(t.userId)],
);
export type StaffSession = typeof staffSessions.$inferSelect;

/**
 * Single-use links to set a password: sent when an administrator invites someone or resets their
 * password. Only the token's SHA-256 is kept; using a link removes it, and a newer link replaces it.
 */
export const staffPasswordLinks = pgTable(
  'staff_password_links',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: ['invite', 'reset'] }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('staff_password_links_user_idx').on(t.userId)],
);

export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** Keyed hashes: the throttle needs equality, not the email or network address itself. */
    accountKey: text('account_key').notNull(),
    addressKey: text('address_key').notNull(),
    succeeded: boolean('succeeded').notNull(),
    attemptedAt: timestamp('attempted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('sign_in_attempts_account_idx').on(t.accountKey, t.attemptedAt),
    index('sign_in_attempts_address_idx').on(t.addressKey, t.attemptedAt),
  ],
);

export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    /** Staff user id, or 'anonymous' / 'system'. */
    who: text('who').notNull(),
    what: text('what').notNull(),
    subjectId: text('subject_id'),
    subjectType: text('subject_type'),
    correlationId: text('correlation_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('audit_events_occurred_idx').on(t.occurredAt), index('audit_events_who_idx').on(t.who)],
);
export type AuditEvent = typeof auditEvents.$inferSelect;

/** A family member who joined a panel: the most sensitive data the platform holds. */
export const participants = pgTable('participants', {
  id: uuid('id').primaryKey().defaultRandom(),
  fullName: text('full_name').notNull(),
  /** Lower-cased; signing up again with the same email updates this row. */
  email: text('email').unique(),
  phone: text('phone'),
  preferredContact: text('preferred_contact').notNull(),
  /** 'under-16', '16-17' or '18-plus'. */
  ageGroup: text('age_group').notNull(),
  accessNeeds: text('access_needs'),
  caringCommitments: text('caring_commitments'),
  /** Times that suit: 'weekday-mornings', 'weekday-daytime', 'weekday-evenings', 'weekends'. */
  availability: text('availability').array().notNull().default(sql`'{}'::text[]`),
  /** 'in-person', 'online' or 'either'. */
  attendanceMode: text('attendance_mode').notNull(),
  guardianName: text('guardian_name'),
  guardianContact: text('guardian_contact'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  /** When they last chose to stay after a notice that their details would be removed for inactivity. */
  keptAt: timestamp('kept_at', { withTimezone: true }),
  /** The notice of removal for inactivity: when it was sent, and the hash of its "stay" link's token. */
  inactivityNoticeAt: timestamp('inactivity_notice_at', { withTimezone: true }),
  inactivityNoticeTokenHash: text('inactivity_notice_token_hash').unique(),
});
export type Participant = typeof participants.$inferSelect;

/** What a participant agreed to, and when; a new row each time they sign up or change it. */
export const consents = pgTable(
  'consents',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
    researchParticipation: boolean('research_participation').notNull(),
    contact: boolean('contact').notNull(),
    privacyNoticeVersion: text('privacy_notice_version').notNull(),
    /** For under-16s: a parent or guardian agreed too. */
    guardianConsent: boolean('guardian_consent').notNull().default(false),
    /** How they agreed: 'online' (the sign-up pages), or, for someone a facilitator added, 'paper-form', 'phone' or 'in-person'. */
    method: text('method').notNull().default('online'),
    /** The member of staff who recorded an agreement given offline. */
    recordedBy: uuid('recorded_by').references(() => staffUsers.id, { onDelete: 'set null' }),
    consentedAt: timestamp('consented_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('consents_participant_idx').on(t.participantId)],
);

/** Which panels a participant is in (panel ids refer to the research store). */
export const panelMemberships = pgTable(
  'panel_memberships',
  {
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
    panelId: uuid('panel_id').notNull(),
    /** 'active', or 'awaiting-guardian' until an under-16's parent or guardian agrees through their own link. */
    status: text('status').notNull().default('active'),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.participantId, t.panelId] }), index('panel_memberships_panel_idx').on(t.panelId)],
);

/**
 * A sign-up waiting for someone to confirm through a contact we already hold: 'existing-member' when
 * a sign-up names an email we know (the member confirms), 'guardian' when an under-16 joins (their
 * parent or guardian agrees). The link carries a random token; only its hash is kept.
 */
export const signUpConfirmations = pgTable(
  'sign_up_confirmations',
  {
    tokenHash: text('token_hash').primaryKey(),
    kind: text('kind').notNull(),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
    panelId: uuid('panel_id').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sign_up_confirmations_participant_idx').on(t.participantId)],
);
export type SignUpConfirmation = typeof signUpConfirmations.$inferSelect;

/**
 * A panel sign-up being filled in over several short pages. The family's browser holds a random
 * token in a cookie; only its hash is kept. Deleted when they join, and by housekeeping a day after
 * it was last touched, so half-finished details are not kept.
 */
export const signUpDrafts = pgTable('sign_up_drafts', {
  tokenHash: text('token_hash').primaryKey(),
  panelId: uuid('panel_id').notNull(),
  answers: jsonb('answers').$type<Record<string, unknown>>().notNull().default({}),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});
export type SignUpDraft = typeof signUpDrafts.$inferSelect;

/**
 * Personal links of members who have left: only each link's hash and the UK day they left, so an old
 * link can say "you have left" instead of "not found". Nothing else about them is kept; removed
 * after a year.
 */
export const withdrawnLinks = pgTable('withdrawn_links', {
  tokenHash: text('token_hash').primaryKey(),
  withdrawnOn: date('withdrawn_on').notNull(),
});

/**
 * An invitation to a panel session (session ids refer to the research store). The member's
 * personal link carries a random token; only its hash is kept.
 */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id').notNull(),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    /** 'invited', 'accepted', 'declined' or 'waitlisted'. */
    status: text('status').notNull().default('invited'),
    accessNote: text('access_note'),
    /** Recorded by the facilitator after the session: true attended, false did not come. */
    attended: boolean('attended'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('invitations_session_participant_idx').on(t.sessionId, t.participantId), index('invitations_session_idx').on(t.sessionId, t.status)],
);
export type Invitation = typeof invitations.$inferSelect;

/**
 * A single-use code in an attendee's feedback link, so only people who came can give feedback, once
 * each. Only the hash is kept; whether it was used, never when (a time would match the response).
 */
export const feedbackCodes = pgTable('feedback_codes', {
  codeHash: text('code_hash').primaryKey(),
  sessionId: uuid('session_id').notNull(),
  invitationId: uuid('invitation_id')
    .notNull()
    .unique()
    .references(() => invitations.id, { onDelete: 'cascade' }),
  used: boolean('used').notNull().default(false),
});

/** Who runs a session: staff accounts, so they live here rather than in the research store. */
export const sessionFacilitators = pgTable(
  'session_facilitators',
  {
    sessionId: uuid('session_id').notNull(),
    staffUserId: uuid('staff_user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.staffUserId] })],
);

/**
 * Reminders already sent, so a retried or repeated reminder job never sends twice. Keyed by the
 * session time the reminder was for: moving a session makes fresh reminders due.
 */
export const sessionReminders = pgTable(
  'session_reminders',
  {
    invitationId: uuid('invitation_id')
      .notNull()
      .references(() => invitations.id, { onDelete: 'cascade' }),
    daysBefore: integer('days_before').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.invitationId, t.daysBefore, t.startsAt] })],
);

/**
 * Messages the service sends. With no mail server configured (the embedded default) they are kept
 * here for administrators to read instead of being sent; with one, nothing is kept.
 */
/**
 * Every message to a person, written when it is queued. A delivery job (carrying only the row's id)
 * sends it through GOV.UK Notify or SMTP; once sent, its content is cleared and only the record that
 * it went remains. With no sending service for its channel it is `held` here for administrators.
 */
export const outboxMessages = pgTable('outbox_messages', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  /** Whom it was sent to, so a member's withdrawal removes their messages too. */
  participantId: uuid('participant_id').references(() => participants.id, { onDelete: 'cascade' }),
  channel: text('channel').$type<'email' | 'text'>().notNull(),
  status: text('status').$type<'queued' | 'sending' | 'held' | 'sent' | 'failed'>().notNull().default('queued'),
  recipient: text('recipient'),
  subject: text('subject'),
  body: text('body'),
  /** The complete message as it would be sent (MIME, with any calendar attachment). */
  raw: text('raw'),
  /** Which service took it ('notify' or 'smtp') and the id it gave, once sent. */
  provider: text('provider'),
  providerReference: text('provider_reference'),
  /** Why it could not be sent: a status code or error type from the service, never its message text. */
  failure: text('failure'),
  claimedAt: timestamp('claimed_at', { withTimezone: true }),
  sentAt: timestamp('sent_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (table) => [index('outbox_messages_waiting_idx').on(table.status).where(sql`status in ('queued', 'sending')`)]);
export type OutboxMessage = typeof outboxMessages.$inferSelect;

/**
 * Where a session happens: the venue and how to join online. Staff write these as free text (a room
 * booked in someone's name, a facilitator's number for the day), so they live here with the other
 * details that reach members, never in the research store. Keyed by the research session's id.
 */
export const sessionPlaces = pgTable('session_places', {
  sessionId: uuid('session_id').primaryKey(),
  venue: text('venue'),
  onlineDetails: text('online_details'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
export type SessionPlace = typeof sessionPlaces.$inferSelect;

/**
 * A staff member's authenticator app (TOTP, RFC 6238): the shared secret, encrypted with a key
 * derived from SESSION_SECRET so a copy of the table cannot make codes. `pendingSecret` is one
 * being set up, until a code from it is entered. `lastUsedStep` is the last 30-second step a code
 * was accepted for: a code is never accepted twice.
 */
export const staffAuthenticators = pgTable('staff_authenticators', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => staffUsers.id, { onDelete: 'cascade' }),
  secret: text('secret'),
  pendingSecret: text('pending_secret'),
  pendingStartedAt: timestamp('pending_started_at', { withTimezone: true }),
  enrolledAt: timestamp('enrolled_at', { withTimezone: true }),
  /** Who set it up: the person themselves, or the administrator who sat with them. */
  enrolledBy: uuid('enrolled_by').references(() => staffUsers.id, { onDelete: 'set null' }),
  lastUsedStep: bigint('last_used_step', { mode: 'number' }).notNull().default(0),
});
export type StaffAuthenticator = typeof staffAuthenticators.$inferSelect;

/** Single-use recovery codes, for a lost phone: only their keyed hashes; a used code is deleted. */
export const staffRecoveryCodes = pgTable(
  'staff_recovery_codes',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.codeHash] })],
);

/**
 * A sign-in whose password was right and which waits for the second factor. The browser holds a
 * random token in a cookie; only its hash is kept, and it lapses after a few minutes.
 */
export const staffPendingSignIns = pgTable(
  'staff_pending_sign_ins',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('staff_pending_sign_ins_user_idx').on(t.userId)],
);
