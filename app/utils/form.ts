import type { z, ZodError, ZodTypeAny } from 'zod';
import type { FieldError } from '~/components/error-summary';

export type FormValues = Record<string, string | string[]>;

/**
 * A posted form as a plain object, ready for a zod schema: the fields named in `lists` (checkboxes,
 * multiple selects) as arrays, every other field as its first text value. Files are ignored.
 */
export function formValues(form: FormData, lists: readonly string[] = []): FormValues {
  const values: FormValues = {};
  for (const key of new Set(form.keys())) {
    const texts = form.getAll(key).filter((value): value is string => typeof value === 'string');
    values[key] = lists.includes(key) ? texts : (texts[0] ?? '');
  }
  for (const key of lists) values[key] ??= [];
  return values;
}

/** zod's issues as GOV.UK field errors: one per field, in the schema's order. */
export function fieldErrors(error: ZodError, fallbackField = 'main-content'): FieldError[] {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? fallbackField);
    if (seen.has(field)) continue;
    seen.add(field);
    errors.push({ field, message: issue.message });
  }
  return errors;
}

export type ParsedForm<S extends ZodTypeAny> = { ok: true; data: z.output<S> } | { ok: false; errors: FieldError[]; values: FormValues };

/** The one way a route turns a form into typed input, or field errors and what was typed. */
export function parseForm<S extends ZodTypeAny>(schema: S, form: FormData, lists: readonly string[] = []): ParsedForm<S> {
  const values = formValues(form, lists);
  const parsed = schema.safeParse(values);
  return parsed.success ? { ok: true, data: parsed.data as z.output<S> } : { ok: false, errors: fieldErrors(parsed.error), values };
}
