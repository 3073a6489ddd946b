import { z } from 'zod';
import { PROGRAMME_CODES } from '#db/reference/programmes';
import { GUIDE_AUDIENCE_VALUES, GUIDE_THEME_VALUES } from './vocabulary';

/** "1", "1.0", "2.1.3": what authors call their versions. */
const versionNumber = z
  .string()
  .trim()
  .min(1, 'Enter the version number, like 1.0')
  .max(20, 'Version number must be 20 characters or fewer')
  .regex(/^\d{1,4}(\.\d{1,4}){0,3}$/, 'Version number must be numbers separated by full stops, like 1.0 or 2.1');

export const newGuideSchema = z.object({
  title: z.string().trim().min(1, 'Enter the guide’s title').max(150, 'Title must be 150 characters or fewer'),
  summary: z.string().trim().min(1, 'Enter a summary of the guide').max(1500, 'Summary must be 1,500 characters or fewer'),
  themes: z.array(z.enum(GUIDE_THEME_VALUES, { errorMap: () => ({ message: 'Select themes from the list' }) })).min(1, 'Select at least one theme'),
  programmes: z.array(z.enum(PROGRAMME_CODES, { errorMap: () => ({ message: 'Select programmes from the list' }) })).min(1, 'Select at least one programme'),
  audiences: z.array(z.enum(GUIDE_AUDIENCE_VALUES, { errorMap: () => ({ message: 'Select audiences from the list' }) })).min(1, 'Select who the guide is for'),
  isPublic: z.enum(['yes', 'no'], { errorMap: () => ({ message: 'Select whether anyone can read the guide' }) }).transform((value) => value === 'yes'),
  version: versionNumber,
});
export const NEW_GUIDE_LISTS = ['themes', 'programmes', 'audiences'] as const;

export const newVersionSchema = z.object({
  version: versionNumber,
  changes: z.string().trim().min(1, 'Say what has changed in this version').max(1000, 'What has changed must be 1,000 characters or fewer'),
});

const score = (what: string) =>
  z
    .string()
    .regex(/^[1-5]$/, `Select a rating from 1 to 5 for ${what}`)
    .transform(Number);

export const ratingSchema = z.object({
  versionId: z.string().uuid('Choose a version of this guide'),
  quality: score('quality'),
  usefulness: score('usefulness'),
  comment: z.string().trim().max(1000, 'Comment must be 1,000 characters or fewer'),
});
