/**
 * The research store: everything that is analysed. It holds pseudonyms and scrubbed text only,
 * never a name, email, phone number or postcode.
 */
import { index, pgTable, text } from 'drizzle-orm/pg-core';

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
