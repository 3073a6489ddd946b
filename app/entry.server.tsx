import { PassThrough } from 'node:stream';
import type { ActionFunctionArgs, AppLoadContext, EntryContext, LoaderFunctionArgs } from '@remix-run/node';
import { createReadableStreamFromReadable } from '@remix-run/node';
import { isRouteErrorResponse, RemixServer } from '@remix-run/react';
import { isbot } from 'isbot';
import { renderToPipeableStream } from 'react-dom/server';
import { reportError } from '~/observability/sentry.server';
import { logger } from '~/utils/logger.server';
import { NonceProvider } from '~/utils/nonce';
import { isStoreUnavailable } from '~/utils/store-errors';

const ABORT_DELAY = 5_000;

/** A loader or action that failed because a store is down is a 503, not a 500. */
function statusFor(responseStatusCode: number, remixContext: EntryContext): number {
  const errors = remixContext.staticHandlerContext.errors;
  if (responseStatusCode === 500 && errors && Object.values(errors).some((error) => isStoreUnavailable(error))) return 503;
  return responseStatusCode;
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const readyEvent = isbot(request.headers.get('user-agent') ?? '') ? 'onAllReady' : 'onShellReady';
  const status = statusFor(responseStatusCode, remixContext);
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={loadContext.cspNonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={loadContext.cspNonce} />
      </NonceProvider>,
      {
        nonce: loadContext.cspNonce,
        [readyEvent]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          // Errors before the shell is ready are reported by onShellError/handleError.
          if (shellRendered) logger.error({ err: error, requestId: loadContext.requestId }, 'render failed');
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

export function handleError(error: unknown, { request, context }: LoaderFunctionArgs | ActionFunctionArgs) {
  if (request.signal.aborted) return;
  const requestId = (context as AppLoadContext | undefined)?.requestId;
  // A page that does not exist (or a refused request) is the client's mistake, not the server's.
  if (isRouteErrorResponse(error) && error.status < 500) {
    logger.info({ requestId, status: error.status, path: new URL(request.url).pathname }, 'request refused');
    return;
  }
  if (isStoreUnavailable(error)) {
    logger.warn({ requestId, path: new URL(request.url).pathname }, 'a store is unavailable');
    return;
  }
  // Paths only: query strings may carry what people typed.
  logger.error({ err: error, requestId, path: new URL(request.url).pathname }, 'request failed');
  reportError(error);
}
