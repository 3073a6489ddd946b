import { createContext, useContext, type ReactNode } from 'react';

const NonceContext = createContext('');

/** Carries the per-request Content-Security-Policy nonce from entry.server to <Scripts />. */
export function NonceProvider({ value, children }: { value: string; children: ReactNode }) {
  return <NonceContext.Provider value={value}>{children}</NonceContext.Provider>;
}

export const useNonce = () => useContext(NonceContext);
