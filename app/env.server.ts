import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** Secrets that may be generated for local use and must be supplied in production. */
const SECRET_NAMES = ['PSEUDONYM_KEY', 'SESSION_SECRET'] as const;
type SecretName = (typeof SECRET_NAMES)[number];
const MIN_SECRET_LENGTH = 32;

const postgresUrl = z
  .string()
  .url()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), 'must be a postgres:// URL');

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

const strongSecret = (name: string) =>
  z
    .string()
    .min(MIN_SECRET_LENGTH, `${name} must be at least ${MIN_SECRET_LENGTH} characters`)
    .refine((value) => new Set(value).size >= 10, `${name} is too weak (too few distinct characters)`);

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  IDENTITY_DATABASE_URL: postgresUrl.optional(),
  RESEARCH_DATABASE_URL: postgresUrl.optional(),
  PSEUDONYM_KEY: strongSecret('PSEUDONYM_KEY'),
  SESSION_SECRET: strongSecret('SESSION_SECRET'),
  SENTRY_DSN: z.string().url().optional(),
  SMTP_URL: z.string().url().optional(),
  // GOV.UK Notify: a key as Notify issues it (its name, then the service id and secret as two UUIDs).
  NOTIFY_API_KEY: z
    .string()
    .regex(/^[\w.-]+-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'is not a GOV.UK Notify API key')
    .optional(),
  NOTIFY_EMAIL_TEMPLATE_ID: z.string().uuid().optional(),
  NOTIFY_TEXT_TEMPLATE_ID: z.string().uuid().optional(),
  NOTIFY_BASE_URL: z.string().url().optional(),
  PUBLIC_URL: z
    .string()
    .url()
    .refine((value) => /^https?:\/\//.test(value), 'must be an http:// or https:// URL')
    .optional(),
  // How families and officers reach the team: shown on the contact page and in the footer.
  CONTACT_EMAIL: z.string().trim().email().optional(),
  CONTACT_PHONE: z.string().trim().regex(/^[0-9 +()-]{6,20}$/, 'is not a phone number').optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  // Folders of question sets, comma-separated, relative to the project (tests add their corpus).
  SURVEYS_DIR: z.string().min(1).default('surveys'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEMO_DATA: booleanFlag.optional(),
});

export type Env = Omit<z.infer<typeof schema>, 'PUBLIC_URL' | 'CONTACT_EMAIL'> & {
  CONTACT_EMAIL: string;
  /** Where links in messages and QR codes point: always from configuration, never from a request. */
  PUBLIC_URL: string;
  /** True when a store runs embedded (PGlite under DATA_DIR) rather than on a server. */
  identityEmbedded: boolean;
  researchEmbedded: boolean;
  /** Seed demo accounts and synthetic data on first start (local use: never by default in production). */
  demoData: boolean;
  isProduction: boolean;
};

export class EnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnvError';
  }
}

/**
 * Reads (or creates once) the locally generated secrets. They live under DATA_DIR with
 * owner-only permissions, never in either database.
 */
function localSecrets(dataDir: string): Record<SecretName, string> {
  const file = path.join(dataDir, 'secrets.json');
  if (existsSync(file)) {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<SecretName, string>;
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secrets = Object.fromEntries(
    SECRET_NAMES.map((name) => [name, randomBytes(32).toString('base64url')]),
  ) as Record<SecretName, string>;
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  chmodSync(file, 0o600);
  return secrets;
}

/** Empty strings count as unset, so `FOO=` in a shell behaves like no FOO. */
function withoutEmpty(source: Record<string, string | undefined>) {
  return Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const raw: Record<string, string | undefined> = withoutEmpty(source);
  const isProduction = raw.NODE_ENV === 'production';
  if (!isProduction) {
    const missing = SECRET_NAMES.filter((name) => !raw[name]);
    if (missing.length > 0) {
      const generated = localSecrets(raw.DATA_DIR ?? '.data');
      for (const name of missing) raw[name] = generated[name];
    }
  }
  const result = schema.safeParse(raw);
  const problems = result.success
    ? []
    : result.error.issues.map((issue) => {
        const name = issue.path.join('.') || 'environment';
        const message = issue.code === 'invalid_type' && issue.received === 'undefined' ? 'is required' : issue.message;
        return `${name}: ${message}`;
      });
  // Links in messages must point at the real service, so production never falls back to localhost.
  if (isProduction && !raw.PUBLIC_URL) problems.push('PUBLIC_URL: is required');
  // A placeholder address must never reach the public.
  if (isProduction && !raw.CONTACT_EMAIL) problems.push('CONTACT_EMAIL: is required');
  if (raw.NOTIFY_API_KEY && !raw.NOTIFY_EMAIL_TEMPLATE_ID && !raw.NOTIFY_TEXT_TEMPLATE_ID) {
    problems.push('NOTIFY_API_KEY: needs NOTIFY_EMAIL_TEMPLATE_ID or NOTIFY_TEXT_TEMPLATE_ID (or both)');
  }
  if (!raw.NOTIFY_API_KEY && (raw.NOTIFY_EMAIL_TEMPLATE_ID || raw.NOTIFY_TEXT_TEMPLATE_ID)) {
    problems.push('NOTIFY_API_KEY: is required when a Notify template id is set');
  }
  if (!result.success || problems.length > 0) throw new EnvError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  const env = result.data;
  const identityEmbedded = !env.IDENTITY_DATABASE_URL;
  const researchEmbedded = !env.RESEARCH_DATABASE_URL;
  return {
    ...env,
    PUBLIC_URL: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
    CONTACT_EMAIL: env.CONTACT_EMAIL ?? 'family-voice@example.org',
    identityEmbedded,
    researchEmbedded,
    isProduction,
    demoData: env.DEMO_DATA ?? !isProduction,
  };
}

const ENV_KEY = Symbol.for('family-voice.env');
type EnvHolder = { [ENV_KEY]?: Env };

/** The parsed configuration, checked once per process. */
export function getEnv(): Env {
  const holder = globalThis as EnvHolder;
  holder[ENV_KEY] ??= parseEnv(process.env);
  return holder[ENV_KEY];
}
