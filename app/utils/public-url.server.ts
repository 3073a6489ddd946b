import { getEnv } from '~/env.server';

/**
 * An absolute link to a page of this service, for messages and QR codes. It always starts from the
 * configured PUBLIC_URL, never from the request's Host or X-Forwarded-Host, which a sender controls.
 */
export function publicUrl(path: string): string {
  if (!path.startsWith('/') || path.startsWith('//')) throw new Error('publicUrl takes a path on this service');
  return new URL(path, getEnv().PUBLIC_URL).href;
}

/** The service's own origin (scheme, host and port), for checking where a request came from. */
export function publicOrigin(): string {
  return new URL(getEnv().PUBLIC_URL).origin;
}
