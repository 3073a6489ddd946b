import { redirect } from '@remix-run/node';
import { safeRedirectPath } from './guards.server';
import { pendingSignInCookie, sessionCookie } from './session.server';
import { pendingSignIn, type PendingSignIn } from './sign-in.server';

export async function getPendingToken(request: Request): Promise<string | null> {
  const value: unknown = await pendingSignInCookie().parse(request.headers.get('Cookie'));
  return typeof value === 'string' ? value : null;
}

/**
 * The sign-in waiting for this browser's second step, or back to the password page when there is
 * none (it lapsed, or was already used) or it needs the other second step.
 */
export async function requirePendingSignIn(request: Request, state: 'code' | 'enrol'): Promise<Extract<PendingSignIn, { state: 'code' | 'enrol' }>> {
  const pending = await pendingSignIn(await getPendingToken(request));
  if (pending.state === state) return pending;
  if (pending.state !== 'none') throw redirect(`${pending.state === 'enrol' ? '/sign-in/authenticator' : '/sign-in/code'}${new URL(request.url).search}`);
  throw redirect('/sign-in', { headers: { 'Set-Cookie': await pendingSignInCookie().serialize('', { maxAge: 0 }) } });
}

export const redirectAfterSignIn = (request: Request) => safeRedirectPath(new URL(request.url).searchParams.get('redirectTo'));

/** Headers that swap the pending cookie for the session cookie. */
export async function sessionHeaders(token: string): Promise<Headers> {
  const headers = new Headers();
  headers.append('Set-Cookie', await sessionCookie().serialize(token));
  headers.append('Set-Cookie', await pendingSignInCookie().serialize('', { maxAge: 0 }));
  return headers;
}
