import type { FieldError } from '~/components/error-summary';
import type { FormValues } from './form';

/**
 * What a form page needs from its action's answer (`{ errors, values }` from parseForm and the
 * route): the errors, each field's own error, and what was typed, so the page shows it again.
 */
export function formState(result: { errors?: readonly FieldError[]; values?: FormValues } | undefined) {
  const errors = [...(result?.errors ?? [])];
  const values = result?.values ?? {};
  return {
    errors,
    errorFor: (field: string) => errors.find((error) => error.field === field)?.message,
    text: (field: string) => [values[field] ?? ''].flat()[0] ?? '',
    list: (field: string) => [values[field] ?? []].flat().filter((value) => value !== ''),
  };
}
