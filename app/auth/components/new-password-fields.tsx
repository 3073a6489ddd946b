import type { FieldError } from '~/components/error-summary';
import { TextInput } from '~/components/text-input';

/** A new password typed twice, for password managers and for the person typing it. */
export function NewPasswordFields({ email, minLength, errors }: { email: string; minLength: number; errors: FieldError[] }) {
  const error = (field: string) => errors.find((candidate) => candidate.field === field)?.message;
  return (
    <>
      {/* Lets password managers save the new password against the right account. */}
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <TextInput
        name="password"
        label="New password"
        hint={`At least ${minLength} characters. A few unrelated words make a strong password that is easy to remember.`}
        type="password"
        autoComplete="new-password"
        spellCheck={false}
        error={error('password')}
      />
      <TextInput name="confirm" label="Type the new password again" type="password" autoComplete="new-password" spellCheck={false} error={error('confirm')} />
    </>
  );
}
