import pino from 'pino';
import { scrubPersonalData } from './scrub';
import { withoutValues } from './database-error-text';

/**
 * Errors can quote what people typed (a database error repeats the duplicate value, for example),
 * so every string in a logged error is scrubbed.
 */
export function scrubbedError(error: unknown, depth = 0): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: scrubPersonalData(withoutValues(withoutParams(String(error)))) };
  const { code, detail } = error as { code?: unknown; detail?: unknown };
  return {
    type: error.name,
    message: scrubPersonalData(withoutValues(withoutParams(error.message))),
    stack: scrubPersonalData(withoutValues(withoutParams(error.stack ?? ''))),
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    ...(typeof detail === 'string' ? { detail: scrubPersonalData(withoutValues(detail)) } : {}),
    ...(error.cause !== undefined && depth < 3 ? { cause: scrubbedError(error.cause, depth + 1) } : {}),
  };
}

/**
 * A failed query's parameters are the values people typed (names, emails): drizzle puts them after
 * "params:" in its message, up to the stack frames. They are never logged, scrubbed or not.
 */
function withoutParams(text: string): string {
  return text.replace(/\nparams:[\s\S]*?(?=\n\s+at\s|$)/g, '\nparams: [not logged]');
}

/**
 * Structured JSON logs. Personal data is never passed to the logger on purpose; scrubbing errors
 * and the redaction list are the second line of defence.
 */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  base: { service: 'family-voice' },
  serializers: { err: scrubbedError },
  redact: {
    paths: ['email', 'password', 'name', 'phone', 'postcode', '*.email', '*.password', '*.name', '*.phone', '*.postcode'],
    censor: '[redacted]',
  },
});
