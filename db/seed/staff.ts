import type { NewStaffUserInput } from '~/auth/staff-users.server';
import type { Role } from '~/auth/roles';
import type { Random } from './random';

/** Only ever created in embedded (local) mode; printed at start-up and listed in the README. */
export const DEMO_PASSWORD = 'family-voice-demo';

/**
 * The demo administrator's and facilitator's authenticator key (base32), so a new user can add it
 * to any authenticator app, or run `npm run demo:code` for the current code. Demo only: real
 * accounts set up their own at first sign-in.
 */
export const DEMO_TOTP_SECRET = 'FAMILYVOICEDEMOKEYFORLOCALUSE234';

export const DEMO_STAFF: ReadonlyArray<NewStaffUserInput & { role: Role }> = [
  { email: 'admin@example.com', displayName: 'Demo Administrator', password: DEMO_PASSWORD, role: 'administrator' },
  {
    email: 'facilitator@example.com',
    displayName: 'Demo Facilitator',
    password: DEMO_PASSWORD,
    role: 'facilitator',
    regionCodes: ['E12000002', 'E12000007'],
  },
  { email: 'analyst@example.com', displayName: 'Demo Analyst', password: DEMO_PASSWORD, role: 'analyst' },
  {
    email: 'lead@example.com',
    displayName: 'Demo Programme Lead',
    password: DEMO_PASSWORD,
    role: 'programme_lead',
    programmeCodes: ['family-hubs', 'start-for-life'],
  },
  { email: 'la.officer@example.com', displayName: 'Demo LA Officer', password: DEMO_PASSWORD, role: 'la_officer', laCode: 'E08000003' },
];

const REGION_CODES = ['E12000001', 'E12000002', 'E12000003', 'E12000004', 'E12000005', 'E12000006', 'E12000007', 'E12000008', 'E12000009'];

/** A plainly synthetic staff account; the same factory feeds tests and benchmarks. */
export function buildStaffUser(random: Random, overrides: Partial<NewStaffUserInput> = {}): NewStaffUserInput {
  const n = random.int(1000, 9999);
  const role = overrides.role ?? random.pick(['administrator', 'facilitator', 'analyst', 'programme_lead', 'la_officer'] as const);
  return {
    email: `staff.${n}.${random.int(0, 1e6)}@example.com`,
    displayName: `Test Staff ${n}`,
    password: `synthetic-password-${n}`,
    role,
    regionCodes: role === 'facilitator' ? [random.pick(REGION_CODES)] : [],
    programmeCodes: role === 'programme_lead' ? ['family-hubs'] : [],
    laCode: role === 'la_officer' ? 'E08000003' : null,
    ...overrides,
  };
}
