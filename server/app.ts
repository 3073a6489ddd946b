import { randomBytes, randomUUID } from 'node:crypto';
import type { ServerBuild } from '@remix-run/node';
import * as Sentry from '@sentry/node';
import compression from 'compression';
import express from 'express';
import helmet from 'helmet';
import { projectPath } from '#db/paths';
import type { Env } from '~/env.server';
import { logger } from '~/utils/logger.server';
import { remixHandler } from './remix-handler';
import { requestGuards } from './request-guards';

/**
 * The HTTP layer: security headers, static files, request ids and logs, then Remix. Kept free of
 * start-up work so it can be built around any Remix build.
 */
export function createApp({ build, env }: { build: ServerBuild | (() => Promise<ServerBuild>); env: Env }) {
  const app = express();
  app.disable('x-powered-by');
  // Behind a load balancer on a private network the client address comes from X-Forwarded-For.
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  app.use(compression());

  app.use((req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString('base64');
    const incoming = req.get('x-request-id');
    res.locals.requestId = incoming && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', res.locals.requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      // Method, path and status only: no query string, address, user agent or body.
      logger.info(
        {
          requestId: res.locals.requestId,
          method: req.method,
          path: req.path,
          status: res.statusCode,
          ms: Number((process.hrtime.bigint() - started) / 1_000_000n),
        },
        'request',
      );
    });
    next();
  });

  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as express.Response).locals.cspNonce}'`],
          // SurveyJS's React UI injects its theme as inline styles. Scripts stay nonce-only, which is
          // what the policy is mainly for.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: env.isProduction ? ["'self'"] : ["'self'", 'ws://localhost:*'],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          // TLS ends at the load balancer, which sets HSTS; upgrading here would break local http.
          upgradeInsecureRequests: null,
        },
      },
      strictTransportSecurity: env.isProduction,
      referrerPolicy: { policy: 'same-origin' },
    }),
  );

  app.use('/build', express.static(projectPath('public', 'build'), { immutable: true, maxAge: '1y' }));
  app.use(express.static(projectPath('public'), { maxAge: '1h' }));

  // Nothing the service accepts comes near 1 MB; see request-guards.ts for what else is refused.
  app.use(requestGuards({ publicOrigin: new URL(env.PUBLIC_URL).origin }));

  app.all(
    '*',
    remixHandler({
      build,
      // A production build is served as one whatever NODE_ENV says (`npm start` runs with demo data), so
      // Remix never sends stack traces or its own "No route matches" text to a browser.
      mode: typeof build === 'function' || build.mode !== 'production' ? 'development' : 'production',
      publicUrl: env.PUBLIC_URL,
      getLoadContext: (req, res) => ({
        requestId: res.locals.requestId as string,
        cspNonce: res.locals.cspNonce as string,
        clientAddress: req.ip ?? 'unknown',
      }),
    }),
  );

  if (env.SENTRY_DSN) Sentry.setupExpressErrorHandler(app);
  return app;
}
