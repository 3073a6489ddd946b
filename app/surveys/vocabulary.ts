/**
 * The tags question sets may carry (SurveyJS custom properties). Reports group answers by these,
 * never by question names, so a new version of a question set keeps feeding the same reports.
 */

/** What a question measures for the diversity and representation report. */
export const DIMENSIONS = [
  'la',
  'family_type',
  'children_count',
  'children_ages',
  'pregnancy_or_under2',
  'age_band',
  'young_person_age',
  'sex',
  'gender_identity',
  'disability',
  'ethnicity',
  'religion',
  'sexual_orientation',
  'marital_status',
  'employment',
  'benefits',
  'programme_use',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Themes for coding and the quarterly findings (the Annex A themes and spec 3.1, 5.4, 5.16, 5.17). */
export const THEMES = [
  'support-received',
  'support-wanted',
  'support-should-exist',
  'access-to-support',
  'whole-family-working',
  'workforce-skills',
  'send',
  'mental-health',
  'service-location',
  'non-use',
  'experience',
  'help-seeking',
  'relationships',
  'session-quality',
  'local-support',
  'family-voice-maturity',
] as const;
export type Theme = (typeof THEMES)[number];

/** Reference lists a question can take its choices from, filled in when the set is loaded. */
export const CHOICE_SOURCES = ['local-authorities'] as const;

/**
 * Where a distribution link was shared. A fixed list, because the value arrives in a public URL and
 * is stored with the answers: free text there could carry anything, a name or phone number included.
 */
export const CHANNELS = {
  'hub-poster': 'Poster or leaflet at a family hub',
  'health-visitor-link': 'Health visitor or midwife',
  'school-newsletter': 'School or nursery',
  'gp-surgery': 'GP surgery or clinic',
  'social-media': 'Social media',
  'council-website': 'Council website or newsletter',
  'community-group': 'Community or voluntary group',
  'email-or-text': 'Email or text message',
  'school-link': 'Young people’s setting (school, college, youth club)',
  event: 'Event or drop-in',
  other: 'Somewhere else',
} as const;
export type Channel = keyof typeof CHANNELS;
export const isChannel = (value: string): value is Channel => Object.hasOwn(CHANNELS, value);
