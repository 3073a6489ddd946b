// What the report commands share: their options and how they stop on a mistake.

/** The options every report command takes (each adds its own). */
export const REPORT_OPTIONS = {
  quarter: { type: 'string' },
  programme: { type: 'string', default: 'all' },
  level: { type: 'string', default: 'england' },
  region: { type: 'string' },
  format: { type: 'string', default: 'csv' },
  out: { type: 'string' },
} as const;

/** Says what is wrong on standard error and stops with a failure code. */
export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
