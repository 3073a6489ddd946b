/**
 * The research store: everything that is analysed. It holds pseudonyms and scrubbed text only,
 * never a name, email, phone number or postcode.
 */
import { sql } from 'drizzle-orm';
import type { Pseudonym } from './pseudonym';
import { boolean, customType, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * Today, as the UK calendar day (midnight UK time). Times in this store that concern a person are
 * kept to the day: to the millisecond they would match the identity store's own records of the same
 * moment and link a pseudonym back to a name without the key.
 */
export const UK_DAY = sql`date_trunc('day', now(), 'Europe/London')`;

export const regions = pgTable('regions', {
  /** ONS code, E12000001–E12000009. */
  code: text('code').primaryKey(),
  name: text('name').notNull(),
});
export type Region = typeof regions.$inferSelect;

export const localAuthorities = pgTable(
  'local_authorities',
  {
    /** ONS GSS code (E06, E08, E09, E10). */
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    laType: text('la_type').notNull(),
    /** Broad 2011 Rural Urban Classification; null where ONS publishes none (counties, new unitaries). */
    ruralUrban: text('rural_urban'),
  },
  (t) => [index('local_authorities_region_idx').on(t.regionCode)],
);
export type LocalAuthority = typeof localAuthorities.$inferSelect;

/**
 * Census 2021 shares of usual residents by area and category, for comparing who took part with
 * England's population (db/reference/populations.ts, loaded on every migrate). `dimension` and
 * `category` are the common question set's question name and answer value; `share` is a fraction
 * of the area's population (age: of those aged 15 and over); `population` the area's usual residents.
 */
export const referencePopulations = pgTable(
  'reference_populations',
  {
    areaCode: text('area_code').notNull(),
    level: text('level').$type<'england' | 'region' | 'la'>().notNull(),
    dimension: text('dimension').notNull(),
    category: text('category').notNull(),
    share: real('share').notNull(),
    population: integer('population').notNull(),
  },
  (t) => [primaryKey({ columns: [t.areaCode, t.dimension, t.category] })],
);
export type ReferencePopulation = typeof referencePopulations.$inferSelect;

/**
 * The local authorities a programme works in, set by administrators. A programme with none set
 * counts every authority (the representation report's footprint).
 */
export const programmeFootprints = pgTable(
  'programme_footprints',
  {
    programmeCode: text('programme_code')
      .notNull()
      .references(() => programmes.code),
    laCode: text('la_code')
      .notNull()
      .references(() => localAuthorities.code),
  },
  (t) => [primaryKey({ columns: [t.programmeCode, t.laCode] })],
);

export const programmes = pgTable('programmes', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  department: text('department').notNull(),
});
export type Programme = typeof programmes.$inferSelect;

/**
 * A family's answers while they go through the server-rendered journey, so a reload or lost signal
 * loses nothing. Anonymous: the only key is the random response id in the family's cookie.
 */
export const surveyDrafts = pgTable('survey_drafts', {
  /** The random value in the family's journey cookie; never stored with the response. */
  id: uuid('id').primaryKey(),
  /** The response id the submission will carry (its idempotency key). */
  responseId: uuid('response_id').notNull(),
  surveyId: text('survey_id').notNull(),
  surveyVersion: integer('survey_version').notNull(),
  answers: jsonb('answers').$type<Record<string, unknown>>().notNull().default({}),
  /** Where the link came from: ?la=&programme=&channel= */
  source: jsonb('source').$type<{ la?: string; programme?: string; channel?: string; session?: string; event?: string }>().notNull().default({}),
  locale: text('locale').notNull().default('en'),
  /** A staff preview of the families' pages: walked like any draft, never sent. */
  preview: boolean('preview').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
export type SurveyDraft = typeof surveyDrafts.$inferSelect;

/**
 * A submitted answer set. `id` is the response id made when the journey started, so a retried or
 * double submit stores once. No IP address, user agent or cookie identifier is kept.
 */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: uuid('id').primaryKey(),
    /** Random for anonymous answers (no link to anyone); pseudonymFor(participant) for panel members. */
    pseudonym: text('pseudonym').notNull(),
    surveyId: text('survey_id').notNull(),
    surveyVersion: integer('survey_version').notNull(),
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull(),
    laCode: text('la_code').references(() => localAuthorities.code),
    regionCode: text('region_code').references(() => regions.code),
    programmeCodes: text('programme_codes').array().notNull().default(sql`'{}'::text[]`),
    channel: text('channel'),
    /** Session feedback is stored against the session, not the person. */
    sessionId: uuid('session_id'),
    /** Feedback on a workshop, training or support visit is stored against the event. */
    eventId: uuid('event_id'),
    locale: text('locale').notNull().default('en'),
    /** The UK day it was sent (see UK_DAY). */
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().default(UK_DAY),
  },
  (t) => [
    index('survey_responses_survey_idx').on(t.surveyId, t.surveyVersion),
    index('survey_responses_la_idx').on(t.laCode),
    index('survey_responses_submitted_idx').on(t.submittedAt),
    index('survey_responses_event_idx').on(t.eventId).where(sql`event_id is not null`),
  ],
);
export type SurveyResponse = typeof surveyResponses.$inferSelect;

/**
 * A panel or focus group families join (spec 5.1, 5.7–5.12). Not personal data: who is in it is
 * held in the identity store by participant and here only by pseudonym.
 */
export const panels = pgTable(
  'panels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** 'local' (one local authority), 'regional' or 'national'. */
    level: text('level').notNull(),
    regionCode: text('region_code').references(() => regions.code),
    laCode: text('la_code').references(() => localAuthorities.code),
    programmeCodes: text('programme_codes').array().notNull().default(sql`'{}'::text[]`),
    /** 'parents-carers', 'young-people' or 'expectant-under-2s'. */
    audience: text('audience').notNull(),
    /** An optional homogeneous focus, e.g. fathers or parents of disabled children. */
    focus: text('focus'),
    recruitmentTarget: integer('recruitment_target').notNull(),
    /** An existing group the project works with, e.g. an LA's Parent and Carer Panel (5.7). */
    existingGroup: boolean('existing_group').notNull().default(false),
    /** What a family would want to know before joining: how often it meets, e.g. "Every 3 months, for 90 minutes". */
    meets: text('meets'),
    /** Where it meets: 'in-person', 'online' or 'mixed'. */
    format: text('format'),
    /** Expenses and thanks offered, e.g. "Travel and childcare paid; a £25 voucher each session". */
    thanks: text('thanks'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('panels_region_idx').on(t.regionCode)],
);
export type Panel = typeof panels.$inferSelect;
export type NewPanel = typeof panels.$inferInsert;

/** A panel member's About-you answers, by pseudonym only (the same codes as the common set). */
export const participantProfiles = pgTable('participant_profiles', {
  pseudonym: text('pseudonym').$type<Pseudonym>().primaryKey(),
  answers: jsonb('answers').$type<Record<string, unknown>>().notNull().default({}),
  laCode: text('la_code').references(() => localAuthorities.code),
  regionCode: text('region_code').references(() => regions.code),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(UK_DAY),
});
export type ParticipantProfile = typeof participantProfiles.$inferSelect;

export const panelMembers = pgTable(
  'panel_members',
  {
    pseudonym: text('pseudonym').$type<Pseudonym>().notNull(),
    panelId: uuid('panel_id')
      .notNull()
      .references(() => panels.id, { onDelete: 'cascade' }),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().default(UK_DAY),
  },
  (t) => [primaryKey({ columns: [t.pseudonym, t.panelId] }), index('panel_members_panel_idx').on(t.panelId)],
);

/** A panel discussion (spec 5.12, 5.18): when, where and how, never who. */
export const panelSessions = pgTable(
  'panel_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    panelId: uuid('panel_id')
      .notNull()
      .references(() => panels.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    theme: text('theme'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    /** 'in-person', 'online' or 'hybrid'. */
    mode: text('mode').notNull(),
    // The venue and joining details are staff free text, kept in the identity store (session_places).
    /** 'step-free', 'hearing-loop', 'parking', 'public-transport', 'creche'. */
    venueAccess: text('venue_access').array().notNull().default(sql`'{}'::text[]`),
    capacity: integer('capacity').notNull(),
    /** When invitations went out; the start must be at least 28 days later. */
    invitationsSentAt: timestamp('invitations_sent_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set only when an administrator scheduled with less notice, with their reason. */
    noticeOverrideReason: text('notice_override_reason'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('panel_sessions_panel_idx').on(t.panelId, t.startsAt)],
);
export type PanelSession = typeof panelSessions.$inferSelect;

/** Who took part in a session, by pseudonym only: written when the facilitator records attendance. */
export const sessionParticipation = pgTable(
  'session_participation',
  {
    pseudonym: text('pseudonym').$type<Pseudonym>().notNull(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => panelSessions.id, { onDelete: 'cascade' }),
    attended: boolean('attended').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().default(UK_DAY),
  },
  (t) => [primaryKey({ columns: [t.pseudonym, t.sessionId] })],
);

/**
 * A panel session's transcript or notes, as uploaded by staff: scrubbed, speakers as labels, split
 * into speaker turns. The file itself is not kept, nor who uploaded it (that is in the audit trail).
 */
export const transcripts = pgTable(
  'transcripts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => panelSessions.id, { onDelete: 'cascade' }),
    /** 'transcript' or 'notes'. */
    kind: text('kind').notNull(),
    /** The UK day it was added (see UK_DAY). */
    addedOn: timestamp('added_on', { withTimezone: true }).notNull().default(UK_DAY),
  },
  (t) => [index('transcripts_session_idx').on(t.sessionId)],
);
export type Transcript = typeof transcripts.$inferSelect;

/** One speaker turn of a transcript: "Facilitator" or "Participant N", and what they said, scrubbed. */
export const transcriptSegments = pgTable(
  'transcript_segments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    transcriptId: uuid('transcript_id')
      .notNull()
      .references(() => transcripts.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    speaker: text('speaker').notNull(),
    text: text('text').notNull(),
  },
  (t) => [uniqueIndex('transcript_segments_position_idx').on(t.transcriptId, t.position)],
);
export type TranscriptSegment = typeof transcriptSegments.$inferSelect;

/** PostgreSQL's text-search document (PGlite has it too). */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * One piece of text an analyst codes: a free-text survey answer or a transcript's speaker turn,
 * copied here (already scrubbed) with where and when it came from, so the coding queue, its filters
 * and its search are one indexed table. No pseudonym: who said it is not needed to code it.
 */
export const excerpts = pgTable(
  'excerpts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 'survey' or 'transcript'. */
    source: text('source').notNull(),
    responseId: uuid('response_id').references(() => surveyResponses.id, { onDelete: 'cascade' }),
    surveyId: text('survey_id'),
    /** The question's name (or its "other, please say" comment's). */
    question: text('question'),
    segmentId: uuid('segment_id').references(() => transcriptSegments.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id').references(() => panelSessions.id, { onDelete: 'cascade' }),
    /** "Facilitator" or "Participant N" for a transcript turn. */
    speaker: text('speaker'),
    text: text('text').notNull(),
    search: tsvector('search')
      .notNull()
      .generatedAlwaysAs(sql`to_tsvector('english', "text")`),
    /** The UK day it was said or sent (see UK_DAY). */
    occurredOn: timestamp('occurred_on', { withTimezone: true }).notNull(),
    laCode: text('la_code').references(() => localAuthorities.code),
    regionCode: text('region_code').references(() => regions.code),
    programmeCodes: text('programme_codes').array().notNull().default(sql`'{}'::text[]`),
    /** An analyst judged it fit to quote in a report. */
    quotable: boolean('quotable').notNull().default(false),
    /** Raised by every change to its codes, so two analysts coding it at once cannot overwrite each other unseen. */
    codingVersion: integer('coding_version').notNull().default(0),
  },
  (t) => [
    uniqueIndex('excerpts_response_question_idx').on(t.responseId, t.question),
    uniqueIndex('excerpts_segment_idx').on(t.segmentId),
    // Newest first is a backward scan of these; (day, id) row comparisons find "the next one".
    index('excerpts_queue_idx').on(t.occurredOn, t.id),
    index('excerpts_region_idx').on(t.regionCode, t.occurredOn, t.id),
    index('excerpts_source_idx').on(t.source, t.occurredOn, t.id),
    index('excerpts_session_idx').on(t.sessionId),
    index('excerpts_search_idx').using('gin', t.search),
    index('excerpts_programmes_idx').using('gin', t.programmeCodes),
  ],
);
export type Excerpt = typeof excerpts.$inferSelect;

/** The codebook: hierarchical codes analysts apply to excerpts. A merged code stays, pointing at where it went. */
export const codes = pgTable(
  'codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parentId: uuid('parent_id').references((): AnyPgColumn => codes.id),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** Words analysts expect under it; the suggester learns from them too. */
    terms: text('terms').array().notNull().default(sql`'{}'::text[]`),
    /** 'active', 'retired' (kept with its excerpts, no longer applied) or 'merged'. */
    status: text('status').notNull().default('active'),
    mergedInto: uuid('merged_into').references((): AnyPgColumn => codes.id),
    /** The seed codebook's key, so seeding again adds nothing twice and undoes no analyst's change. */
    seedKey: text('seed_key').unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('codes_live_name_idx').on(sql`lower(${t.name})`).where(sql`${t.status} <> 'merged'`), index('codes_parent_idx').on(t.parentId)],
);
export type Code = typeof codes.$inferSelect;

/** What happened to a code: created, renamed, retired, reinstated, merged. Who did it is in the audit trail. */
export const codeEvents = pgTable(
  'code_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    codeId: uuid('code_id')
      .notNull()
      .references(() => codes.id),
    kind: text('kind').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('code_events_code_idx').on(t.codeId, t.at)],
);
export type CodeEvent = typeof codeEvents.$inferSelect;

/** A code applied to an excerpt, by an analyst ('analyst') or by accepting a suggestion ('suggestion'). */
export const excerptCodes = pgTable(
  'excerpt_codes',
  {
    excerptId: uuid('excerpt_id')
      .notNull()
      .references(() => excerpts.id, { onDelete: 'cascade' }),
    codeId: uuid('code_id')
      .notNull()
      .references(() => codes.id),
    origin: text('origin').notNull().default('analyst'),
    codedAt: timestamp('coded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.excerptId, t.codeId] }), index('excerpt_codes_code_idx').on(t.codeId)],
);

/** A code suggested for an uncoded excerpt, with its confidence; 'rejected' ones are not offered again. */
export const codeSuggestions = pgTable(
  'code_suggestions',
  {
    excerptId: uuid('excerpt_id')
      .notNull()
      .references(() => excerpts.id, { onDelete: 'cascade' }),
    codeId: uuid('code_id')
      .notNull()
      .references(() => codes.id),
    /** The suggester's confidence, 0–1; null where it came from adopting an emerging theme. */
    confidence: real('confidence'),
    /** 'model' (learnt from coded excerpts and the codebook) or 'theme' (a member of an adopted emerging theme). */
    origin: text('origin').notNull().default('model'),
    /** 'open' or 'rejected'. */
    status: text('status').notNull().default('open'),
  },
  (t) => [primaryKey({ columns: [t.excerptId, t.codeId] }), index('code_suggestions_code_idx').on(t.codeId)],
);

/** A candidate new theme found by clustering uncoded excerpts: its telling words and the excerpts nearest its centre. */
export const emergingThemes = pgTable('emerging_themes', {
  id: uuid('id').primaryKey().defaultRandom(),
  topTerms: text('top_terms').array().notNull(),
  size: integer('size').notNull(),
  /** 'open', or 'adopted' once turned into a code. */
  status: text('status').notNull().default('open'),
  codeId: uuid('code_id').references(() => codes.id),
  foundAt: timestamp('found_at', { withTimezone: true }).notNull().defaultNow(),
});
export type EmergingTheme = typeof emergingThemes.$inferSelect;

export const emergingThemeExcerpts = pgTable(
  'emerging_theme_excerpts',
  {
    themeId: uuid('theme_id')
      .notNull()
      .references(() => emergingThemes.id, { onDelete: 'cascade' }),
    excerptId: uuid('excerpt_id')
      .notNull()
      .references(() => excerpts.id, { onDelete: 'cascade' }),
    /** 0 is nearest the theme's centre. */
    rank: integer('rank').notNull(),
  },
  (t) => [primaryKey({ columns: [t.themeId, t.excerptId] })],
);

/**
 * A quarterly report as published for everyone: the report as it was built (every number already
 * through disclosure control), so what was published stays exactly as it was. A correction is a new
 * version of the same quarter, programme and level; earlier versions stay reachable.
 */
export const publishedReports = pgTable(
  'published_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    quarter: text('quarter').notNull(),
    /** A programme code or 'all'. */
    programme: text('programme').notNull(),
    level: text('level').notNull(),
    version: integer('version').notNull(),
    report: jsonb('report').notNull(),
    /** Why a new version was published (a correction); empty for the first. */
    note: text('note').notNull().default(''),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('published_reports_version_idx').on(t.quarter, t.programme, t.level, t.version)],
);
export type PublishedReport = typeof publishedReports.$inferSelect;

/**
 * Stored responses counted by quarter (2026-27-Q3, UK time), question set, programme and area, kept
 * in the same transaction as each response is stored: reports and their headline reach read these
 * few thousand rows a quarter instead of every response. `key` is a hash of the other dimensions:
 * a narrow key makes the upserts several times cheaper than a unique index over every column.
 * The migration gives both tables a fillfactor of 50, so a count's update stays on its page.
 */
export const responseTallies = pgTable(
  'response_tallies',
  {
    quarter: text('quarter').notNull(),
    key: uuid('key').notNull(),
    surveyId: text('survey_id').notNull(),
    /** A programme code, or ALL_PROGRAMMES: a response counts once under each of its programmes and once under all. */
    programme: text('programme').notNull(),
    regionCode: text('region_code'),
    laCode: text('la_code'),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.quarter, t.key] })],
);

/**
 * The closed answers counted the same way, per question and answer (a grid's statement as
 * "question/statement"; a null answer counts those who answered a several-answer question), for
 * everyone (segment '') and for each report segment a response belongs to (segments.ts).
 */
export const answerTallies = pgTable(
  'answer_tallies',
  {
    quarter: text('quarter').notNull(),
    key: uuid('key').notNull(),
    surveyId: text('survey_id').notNull(),
    segment: text('segment').notNull(),
    programme: text('programme').notNull(),
    regionCode: text('region_code'),
    laCode: text('la_code'),
    question: text('question').notNull(),
    answer: text('answer'),
    count: integer('count').notNull(),
  },
  // Reports read one programme and segment of a quarter, some questions only: this index finds
  // those rows without reading the quarter's others. Updates of a count do not touch it (HOT).
  (t) => [primaryKey({ columns: [t.quarter, t.key] }), index('answer_tallies_read_idx').on(t.quarter, t.programme, t.segment, t.question)],
);

/** Each quarter's theme (a code in the codebook, shown first in its report) and whether it is the year's 0–2 quarter (spec 5.16). */
export const quarterThemes = pgTable('quarter_themes', {
  /** 2026-27-Q3. */
  quarter: text('quarter').primaryKey(),
  codeId: uuid('code_id')
    .notNull()
    .references(() => codes.id),
  earlyYears: boolean('early_years').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
export type QuarterTheme = typeof quarterThemes.$inferSelect;

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/**
 * A good-practice guide (spec 4.1.2, 6.2.3): what it is about and who it is for. Its files are its
 * versions; the newest is the one offered first.
 */
export const guides = pgTable('guides', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** The guide's address, /guides/<slug>, made from its first title. */
  slug: text('slug').notNull().unique(),
  title: text('title').notNull(),
  summary: text('summary').notNull(),
  themes: text('themes').array().notNull(),
  programmes: text('programmes').array().notNull(),
  audiences: text('audiences').array().notNull(),
  /** Shown to everyone; otherwise only to signed-in staff and local authority officers. */
  isPublic: boolean('is_public').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
export type Guide = typeof guides.$inferSelect;

/**
 * One published file of a guide. The file itself is kept here, with its SHA-256, so it is backed up,
 * exported and disposed of with everything else, and a version is stored with its file or not at all.
 * The same file cannot be published twice (the checksum is unique).
 */
export const guideVersions = pgTable(
  'guide_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    guideId: uuid('guide_id')
      .notNull()
      .references(() => guides.id, { onDelete: 'cascade' }),
    /** As the authors number it: "1.0", "2". */
    version: text('version').notNull(),
    /** What the file is, by its content: 'docx', 'pdf' or 'markdown'. */
    format: text('format').notNull(),
    fileName: text('file_name').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    /** What changed since the version before (empty for the first). */
    changes: text('changes').notNull().default(''),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('guide_versions_version_idx').on(t.guideId, t.version), uniqueIndex('guide_versions_sha256_idx').on(t.sha256), index('guide_versions_published_idx').on(t.publishedAt)],
);
export type GuideVersion = typeof guideVersions.$inferSelect;

/** Downloads of a version counted per local authority ('' when not an officer's) and month (2026-11), never per person. */
export const guideDownloads = pgTable(
  'guide_downloads',
  {
    versionId: uuid('version_id')
      .notNull()
      .references(() => guideVersions.id, { onDelete: 'cascade' }),
    laCode: text('la_code').notNull(),
    month: text('month').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.laCode, t.month] })],
);

/**
 * An officer's rating of a guide version (KPI 7.1.1.b): one per officer per version, changeable.
 * The officer is a pseudonym, and the day is kept, not the moment.
 */
export const guideRatings = pgTable(
  'guide_ratings',
  {
    versionId: uuid('version_id')
      .notNull()
      .references(() => guideVersions.id, { onDelete: 'cascade' }),
    rater: text('rater').$type<Pseudonym>().notNull(),
    laCode: text('la_code'),
    quality: integer('quality').notNull(),
    usefulness: integer('usefulness').notNull(),
    /** Scrubbed of names, emails and phone numbers. */
    comment: text('comment').notNull().default(''),
    ratedOn: timestamp('rated_on', { withTimezone: true }).notNull().default(UK_DAY),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.rater] }), index('guide_ratings_rated_idx').on(t.ratedOn)],
);
export type GuideRating = typeof guideRatings.$inferSelect;

/** Pages of the public site that administrators write in Markdown (the delivery plan, spec 5.26). */
export const sitePages = pgTable('site_pages', {
  slug: text('slug').primaryKey(),
  title: text('title').notNull(),
  markdown: text('markdown').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
export type SitePage = typeof sitePages.$inferSelect;

/**
 * A workshop, training course, webinar, peer support group meeting or direct support visit for local
 * authorities and partners (spec 6.2.1–6.2.2, 7.2.2). Not personal data: which authorities came and
 * how many people, never who.
 */
export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    /** The UK day it was held. */
    heldOn: timestamp('held_on', { withTimezone: true }).notNull(),
    laCodes: text('la_codes').array().notNull(),
    attendees: integer('attendees').notNull(),
    /** The feedback link's secret part; null when feedback is by single-use codes only. */
    feedbackToken: text('feedback_token').unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('events_held_idx').on(t.heldOn)],
);
export type FeedbackEvent = typeof events.$inferSelect;

/** Single-use feedback codes for an event, kept as hashes: each lets one attendee answer once. */
export const eventCodes = pgTable(
  'event_codes',
  {
    codeHash: text('code_hash').primaryKey(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    used: boolean('used').notNull().default(false),
  },
  (t) => [index('event_codes_event_idx').on(t.eventId)],
);

/** Local authorities given direct support (spec 6.2.1, 7.2.2.c), as the programmes agreed. */
export const supportedAuthorities = pgTable('supported_authorities', {
  laCode: text('la_code')
    .primaryKey()
    .references(() => localAuthorities.code),
  since: timestamp('since', { withTimezone: true }).notNull().default(UK_DAY),
});

/**
 * A local partnership's Family Voice descriptor self-assessment (Early Help System Guide) for a
 * quarter: one per authority per quarter, re-recording replaces it. The first quarter's is the baseline.
 */
export const ehsgAssessments = pgTable(
  'ehsg_assessments',
  {
    laCode: text('la_code')
      .notNull()
      .references(() => localAuthorities.code),
    quarter: text('quarter').notNull(),
    surveyVersion: integer('survey_version').notNull(),
    /** The descriptor levels and scrubbed evidence notes, as the question set names them. */
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull(),
    /** The mean descriptor level (1 getting started – 4 mature). */
    score: real('score').notNull(),
    recordedOn: timestamp('recorded_on', { withTimezone: true }).notNull().default(UK_DAY),
  },
  (t) => [primaryKey({ columns: [t.laCode, t.quarter] })],
);
export type EhsgAssessment = typeof ehsgAssessments.$inferSelect;
