import express from 'express';
import type { NextFunction, Request, Response } from 'express';

export const MAX_BODY_BYTES = 1024 * 1024;
/** File uploads (multipart forms): a 10 MB guide and the form around it. Each route checks its file's own limit. */
export const MAX_UPLOAD_BYTES = 11 * 1024 * 1024;

const isMultipart = (req: Request) => /^multipart\/form-data/i.test(req.get('content-type') ?? '');

/** Pages that explain a refused request; the request is re-routed to them as a GET with no body. */
export const PROBLEM_PAGES = {
  tooLarge: '/problem/too-large',
  invalidCharacters: '/problem/invalid-characters',
  notAllowed: '/problem/not-allowed',
} as const;

// NUL and the other C0/C1 controls except tab, line feed and carriage return (which text areas send).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

function hasControlCharacters(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return CONTROL.test(value);
  if (depth > 20 || value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((item) => hasControlCharacters(item, depth + 1));
  return Object.entries(value).some(([key, item]) => CONTROL.test(key) || hasControlCharacters(item, depth + 1));
}

/** What a buffered body says, where it is text the service reads: forms and JSON. */
function bodyHasControlCharacters(req: Request, body: Buffer): boolean {
  const type = req.get('content-type') ?? '';
  const text = body.toString('utf8');
  if (/^application\/x-www-form-urlencoded/i.test(type)) {
    const params = new URLSearchParams(text);
    for (const [key, value] of params) if (CONTROL.test(key) || CONTROL.test(value)) return true;
    return false;
  }
  if (/^application\/json/i.test(type)) {
    try {
      return hasControlCharacters(JSON.parse(text));
    } catch {
      return false; // The route answers unreadable JSON itself.
    }
  }
  // Multipart bodies may carry files, whose bytes are anything; their text fields are checked by the
  // form helpers that read them.
  return false;
}

function queryHasControlCharacters(url: string): boolean {
  const query = url.indexOf('?');
  if (query < 0) return false;
  try {
    for (const [key, value] of new URLSearchParams(url.slice(query + 1))) if (CONTROL.test(key) || CONTROL.test(value)) return true;
    return false;
  } catch {
    return true;
  }
}

/** Sends the request on to the page that explains why it was refused, with that status. */
function reroute(req: Request, res: Response, next: NextFunction, page: string, status: number) {
  res.locals.problemStatus = status;
  req.method = 'GET';
  req.url = page;
  req.originalUrl = page;
  req.body = undefined;
  next();
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Checks every request before Remix sees it:
 * - state-changing requests from another site are refused (403), by Sec-Fetch-Site or Origin;
 * - bodies are read in full up to 1 MB (6 MB for a file upload) whatever their framing (a chunked body has no length to
 *   check up front), and a larger one is refused (413) with the connection closed, so the unread
 *   rest cannot be taken for the next request;
 * - NUL and other control characters in the query string or a form/JSON body are refused (400)
 *   before they reach a database, which would reject them with an error.
 * Refusals are shown as GOV.UK pages by Remix routes, with the right status.
 */
export function requestGuards({ publicOrigin }: { publicOrigin: string }) {
  const readBody = express.raw({ type: () => true, limit: MAX_BODY_BYTES, inflate: true });
  const readUpload = express.raw({ type: () => true, limit: MAX_UPLOAD_BYTES, inflate: true });
  return [
    (req: Request, res: Response, next: NextFunction) => {
      if (queryHasControlCharacters(req.originalUrl)) return reroute(req, res, next, PROBLEM_PAGES.invalidCharacters, 400);
      if (SAFE_METHODS.has(req.method)) return next();
      const site = req.get('sec-fetch-site');
      const origin = req.get('origin');
      const crossSite = site === 'cross-site' || (origin !== undefined && origin !== publicOrigin);
      if (crossSite) {
        res.setHeader('Connection', 'close');
        return reroute(req, res, next, PROBLEM_PAGES.notAllowed, 403);
      }
      const limit = isMultipart(req) ? MAX_UPLOAD_BYTES : MAX_BODY_BYTES;
      if (Number(req.get('content-length') ?? 0) > limit) {
        res.setHeader('Connection', 'close');
        return reroute(req, res, next, PROBLEM_PAGES.tooLarge, 413);
      }
      (isMultipart(req) ? readUpload : readBody)(req, res, (error?: unknown) => {
        if (error) {
          const type = (error as { type?: string }).type;
          res.setHeader('Connection', 'close');
          if (type === 'entity.too.large') return reroute(req, res, next, PROBLEM_PAGES.tooLarge, 413);
          if (type === 'request.aborted') return; // The client went away; there is no one to answer.
          return reroute(req, res, next, PROBLEM_PAGES.invalidCharacters, 400);
        }
        const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        if (bodyHasControlCharacters(req, body)) return reroute(req, res, next, PROBLEM_PAGES.invalidCharacters, 400);
        next();
      });
    },
  ];
}
