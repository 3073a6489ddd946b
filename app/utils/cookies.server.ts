import { createCookie, type CookieOptions } from '@remix-run/node';
import { getEnv } from '~/env.server';

/**
 * A cookie signed with SESSION_SECRET: HttpOnly, SameSite=Lax, Secure in production. Every cookie
 * the service sets is made here, so none can be made with weaker settings by accident.
 */
export function signedCookie(name: string, options: Pick<CookieOptions, 'path' | 'maxAge'> = {}) {
  const env = getEnv();
  return createCookie(name, {
    httpOnly: true,
    sameSite: 'lax',
    secure: env.isProduction,
    path: options.path ?? '/',
    maxAge: options.maxAge,
    secrets: [env.SESSION_SECRET],
  });
}
