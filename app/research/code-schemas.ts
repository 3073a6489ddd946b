import { z } from 'zod';

// The codebook's forms, shared by the routes (which build on them in the browser bundle too) and the domain functions.
const name = z
  .string()
  .trim()
  .min(1, 'Enter a name for the code')
  .max(80, 'The name must be 80 characters or fewer');
const optionalId = z.preprocess((value) => (value === '' ? undefined : value), z.string().uuid('Select a code from the list').optional());

export const newCodeSchema = z.object({
  name,
  description: z.string().trim().max(500, 'The description must be 500 characters or fewer').default(''),
  parentId: optionalId,
});
export type NewCodeInput = z.infer<typeof newCodeSchema>;
export const renameCodeSchema = z.object({ name });
export const mergeCodeSchema = z.object({ targetId: z.string({ required_error: 'Select the code to merge it into' }).uuid('Select the code to merge it into') });

/** Turning an emerging theme into a code: the new code's fields and which theme. */
export const adoptThemeSchema = newCodeSchema.extend({ themeId: z.string().uuid('That theme could not be found') });
