import type { AppLoadContext, ServerBuild } from '@remix-run/node';
import { createRequestHandler as createRemixHandler, writeReadableStreamToWritable } from '@remix-run/node';
import type { NextFunction, Request, Response } from 'express';

/**
 * Hands an Express request to Remix. Unlike the stock adapter, the URL Remix sees starts from the
 * configured PUBLIC_URL, never from the Host or X-Forwarded-Host headers a sender controls, and the
 * body is the one the request guards already read and checked (so its size limit holds however the
 * body was framed).
 */
export function remixHandler({
  build,
  mode,
  publicUrl,
  getLoadContext,
}: {
  build: ServerBuild | (() => Promise<ServerBuild>);
  mode: 'production' | 'development';
  publicUrl: string;
  getLoadContext: (req: Request, res: Response) => AppLoadContext;
}) {
  const handle = createRemixHandler(build, mode);
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const controller = new AbortController();
      res.on('close', () => {
        if (!res.writableFinished) controller.abort();
      });
      const headers = new Headers();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value === undefined) continue;
        for (const item of [value].flat()) headers.append(key, item);
      }
      const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
      const request = new globalThis.Request(new URL(req.originalUrl, publicUrl).href, {
        method: req.method,
        headers,
        body: hasBody && Buffer.isBuffer(req.body) ? new Uint8Array(req.body) : hasBody ? new Uint8Array(0) : undefined,
        signal: controller.signal,
      });
      const response = await handle(request, getLoadContext(req, res));
      const status = (res.locals.problemStatus as number | undefined) ?? response.status;
      res.status(status);
      if (status === response.status) res.statusMessage = response.statusText;
      for (const [key, value] of response.headers.entries()) res.append(key, value);
      if (response.body) await writeReadableStreamToWritable(response.body, res);
      else res.end();
    } catch (error) {
      next(error);
    }
  };
}
