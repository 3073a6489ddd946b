import '@remix-run/node';
import '@remix-run/server-runtime';

declare module '@remix-run/server-runtime' {
  /** Per-request values the Express server hands every loader and action (server/app.ts). */
  interface AppLoadContext {
    requestId: string;
    cspNonce: string;
    /** The client's network address, used only as a throttle key (hashed) and never stored. */
    clientAddress: string;
  }
}

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true;
  }
}
