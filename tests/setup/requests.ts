import type { AppLoadContext } from '@remix-run/node';
import { commitCsrfToken } from '~/auth/csrf.server';
import { sessionCookie } from '~/auth/session.server';

export const testContext = (overrides: Partial<AppLoadContext> = {}): AppLoadContext => ({
  requestId: 'test-request',
  cspNonce: 'test-nonce',
  clientAddress: '192.0.2.1',
  ...overrides,
});

/** A form POST as a browser would send it: with the CSRF cookie and token, and optionally signed in. */
export async function formRequest(
  path: string,
  fields: Record<string, string | string[]>,
  { csrf = true, sessionToken, cookie }: { csrf?: boolean; sessionToken?: string; cookie?: string } = {},
): Promise<Request> {
  const cookies: string[] = cookie ? [cookie] : [];
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const item of [value].flat()) body.append(key, item);
  if (csrf) {
    const [token, setCookie] = await commitCsrfToken(new Request('http://localhost/'));
    cookies.push(String(setCookie).split(';')[0]!);
    body.set('csrf', token);
  }
  if (sessionToken) cookies.push((await sessionCookie().serialize(sessionToken)).split(';')[0]!);
  return new Request(`http://localhost${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookies.join('; ') },
    body,
  });
}

export async function pageRequest(path: string, { sessionToken, cookie }: { sessionToken?: string; cookie?: string } = {}): Promise<Request> {
  const headers = new Headers();
  if (sessionToken) headers.set('Cookie', (await sessionCookie().serialize(sessionToken)).split(';')[0]!);
  if (cookie) headers.set('Cookie', cookie);
  return new Request(`http://localhost${path}`, { headers });
}

/** Runs a loader or action and returns the Response it threw or returned (a redirect, a 4xx). */
export async function outcome(run: () => Promise<unknown>): Promise<{ status: number; headers: Headers; body: unknown }> {
  try {
    const value = (await run()) as { init?: { status?: number; headers?: HeadersInit }; data?: unknown } | Response;
    if (value instanceof Response) return { status: value.status, headers: value.headers, body: await value.text() };
    return { status: value.init?.status ?? 200, headers: new Headers(value.init?.headers), body: value.data ?? value };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, headers: thrown.headers, body: await thrown.text() };
    throw thrown;
  }
}

/** A multipart form POST with files, as a browser sends an upload: with the CSRF token, signed in. */
export async function uploadRequest(
  path: string,
  fields: Record<string, string | string[]>,
  files: Record<string, { name: string; bytes: Uint8Array }>,
  { sessionToken }: { sessionToken?: string } = {},
): Promise<Request> {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const item of [value].flat()) body.append(key, item);
  for (const [key, file] of Object.entries(files)) body.append(key, new File([new Uint8Array(file.bytes)], file.name));
  const [token, setCookie] = await commitCsrfToken(new Request('http://localhost/'));
  body.set('csrf', token);
  const cookies = [String(setCookie).split(';')[0]!];
  if (sessionToken) cookies.push((await sessionCookie().serialize(sessionToken)).split(';')[0]!);
  return new Request(`http://localhost${path}`, { method: 'POST', headers: { Cookie: cookies.join('; ') }, body });
}
