import pino from 'pino';
import { scrubPersonalData } from './scrub';

/**
 * Errors can quote what people typed (a database error repeats the duplicate value, for example),
 * so every string in a logged error is scrubbed.
 */
export function scrubbedError(error: Error) {
  const serialised = pino.stdSerializers.err(error) as unknown as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(serialised).map(([key, value]) => [key, typeof value === 'string' ? scrubPersonalData(value) : value]),
  );
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
