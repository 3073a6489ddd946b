import { AuthenticityTokenInput } from 'remix-utils/csrf/react';

/** The hidden token every state-changing form carries; checked by requireCsrf on the server. */
export function CsrfInput() {
  return <AuthenticityTokenInput name="csrf" />;
}
