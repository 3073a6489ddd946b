/**
 * The research store: everything that is analysed. It holds pseudonyms and scrubbed text only,
 * never a name, email, phone number or postcode.
 */
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

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
  source: jsonb('source').$type<{ la?: string; programme?: string; channel?: string }>().notNull().default({}),
  locale: text('locale').notNull().default('en'),
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
    locale: text('locale').notNull().default('en'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('survey_responses_survey_idx').on(t.surveyId, t.surveyVersion),
    index('survey_responses_la_idx').on(t.laCode),
    index('survey_responses_submitted_idx').on(t.submittedAt),
  ],
);
export type SurveyResponse = typeof surveyResponses.$inferSelect;
