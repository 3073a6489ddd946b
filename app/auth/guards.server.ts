import { redirect } from '@remix-run/node';
import type { StaffUser } from '#db/identity/schema';
import { lookupStaffSession, sessionCookie } from './session.server';
import type { Role } from './roles';

export async function getSessionToken(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie().parse(request.headers.get('Cookie'));
  // A forged or tampered cookie fails its signature check and parses as null: signed out.
  return typeof value === 'string' ? value : null;
}

export type CurrentUser = { state: 'signed-out' } | { state: 'timed-out' } | { state: 'signed-in'; user: StaffUser };

export async function getCurrentUser(request: Request): Promise<CurrentUser> {
  const token = await getSessionToken(request);
  if (!token) return { state: 'signed-out' };
  const session = await lookupStaffSession(token);
  if (session.state === 'active') return { state: 'signed-in', user: session.user };
  return { state: session.state === 'expired' ? 'timed-out' : 'signed-out' };
}

function signInUrl(request: Request, timedOut: boolean): string {
  const url = new URL(request.url);
  const params = new URLSearchParams({ redirectTo: `${url.pathname}${url.search}` });
  if (timedOut) params.set('timedOut', '1');
  return `/sign-in?${params}`;
}

/** The signed-in staff user, or a redirect to the sign-in page that comes back here afterwards. */
export async function requireUser(request: Request): Promise<StaffUser> {
  const current = await getCurrentUser(request);
  if (current.state === 'signed-in') return current.user;
  throw redirect(signInUrl(request, current.state === 'timed-out'), {
    headers: { 'Set-Cookie': await sessionCookie().serialize('', { maxAge: 0 }) },
  });
}

/** As requireUser, and a 403 page when the user's role is not one of `roles`. */
export async function requireRole(request: Request, ...roles: Role[]): Promise<StaffUser> {
  const user = await requireUser(request);
  if (!roles.includes(user.role)) {
    throw new Response('You do not have permission to see this page', { status: 403, statusText: 'Forbidden' });
  }
  return user;
}

/**
 * Where to go after signing in: only paths on this site, never another host, so the parameter
 * cannot be used to send staff somewhere else.
 */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = '/staff'): string {
  // Browsers drop tabs and newlines from URLs and read a backslash as a slash, so "/\t/evil.example"
  // becomes "//evil.example": refuse those characters outright, then let the URL parser decide.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  if (typeof to !== 'string' || !to.startsWith('/') || to.length > 2000 || /[\u0000-\u001f\u007f\\]/.test(to)) return fallback;
  let url: URL;
  try {
    url = new URL(to, SAME_SITE);
  } catch {
    return fallback;
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  return url.origin === SAME_SITE && !path.startsWith('//') ? path : fallback;
}
const SAME_SITE = 'https://family-voice.invalid';
