import * as Sentry from '@sentry/node';
import type { ErrorEvent } from '@sentry/node';
import { withoutValues } from '~/utils/database-error-text';
import { scrubPersonalData } from '~/utils/scrub';

const DROPPED_HEADERS = new Set(['cookie', 'authorization', 'x-forwarded-for', 'x-real-ip', 'user-agent']);

function scrubValue(value: unknown, depth = 0): unknown {
  if (depth > 12) return '[truncated]';
  if (typeof value === 'string') return scrubPersonalData(withoutValues(value));
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, depth + 1));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrubValue(item, depth + 1)]));
  }
  return value;
}

/**
 * Strips personal data from an error event before it leaves the process: no user, cookies, request
 * bodies, query strings or client addresses, and every remaining string scrubbed of emails, phone
 * numbers, postcodes and similar.
 */
export function scrubEvent<T extends ErrorEvent>(event: T): T {
  const scrubbed = scrubValue(event) as T;
  delete scrubbed.user;
  if (scrubbed.request) {
    delete scrubbed.request.cookies;
    delete scrubbed.request.data;
    delete scrubbed.request.query_string;
    if (scrubbed.request.headers) {
      scrubbed.request.headers = Object.fromEntries(
        Object.entries(scrubbed.request.headers).filter(([name]) => !DROPPED_HEADERS.has(name.toLowerCase())),
      );
    }
  }
  return scrubbed;
}

let initialised = false;

/** Starts Sentry only when a DSN is configured; otherwise errors go to the structured log alone. */
export function initSentry({ dsn, environment }: { dsn?: string; environment: string }): boolean {
  if (!dsn || initialised) return initialised;
  Sentry.init({
    dsn,
    environment,
    // Sentry 11 replaced `sendDefaultPii` with per-category switches: all personal categories off.
    dataCollection: {
      userInfo: false,
      cookies: false,
      httpHeaders: false,
      httpBodies: [],
      urlQueryParams: false,
      graphQL: { document: false, variables: false },
      genAI: { inputs: false, outputs: false },
      mcp: { inputs: false, outputs: false },
      databaseQueryData: false,
      stackFrameVariables: false,
    },
    tracesSampleRate: 0,
    beforeSend: (event) => scrubEvent(event),
    beforeBreadcrumb: (breadcrumb) => scrubValue(breadcrumb) as typeof breadcrumb,
  });
  initialised = true;
  return true;
}

export function reportError(error: unknown): void {
  if (initialised) Sentry.captureException(error);
}
