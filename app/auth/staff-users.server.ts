import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { identityDb, type IdentityDb } from '#db/identity/client';
import { staffUsers, type StaffUser } from '#db/identity/schema';
import { PROGRAMME_CODES } from '#db/reference/programmes';
import { recordAudit } from '~/governance/audit.server';
import { hashPassword, MIN_PASSWORD_LENGTH } from './password.server';
import { ROLES } from './roles';
import { normaliseEmail } from './sign-in.server';

export const REGION_CODE = /^E1200000[1-9]$/;
export const LA_CODE = /^E(06|08|09|10)\d{6}$/;

/** A new staff account; the scope fields that apply depend on the role. */
export const newStaffUserSchema = z
  .object({
    email: z.string().trim().email('Enter an email address in the correct format, like name@example.com').max(254),
    displayName: z.string().trim().min(1, 'Enter a name').max(200),
    password: z.string().min(MIN_PASSWORD_LENGTH, `Password must be ${MIN_PASSWORD_LENGTH} characters or more`).max(256),
    role: z.enum(ROLES),
    regionCodes: z.array(z.string().regex(REGION_CODE, 'Region codes are E12000001 to E12000009')).default([]),
    programmeCodes: z.array(z.enum(PROGRAMME_CODES)).default([]),
    laCode: z.string().regex(LA_CODE, 'Enter an upper-tier local authority code, like E08000003').nullish(),
  })
  .superRefine((user, ctx) => {
    if (user.role === 'facilitator' && user.regionCodes.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['regionCodes'], message: 'A facilitator needs at least one region' });
    }
    if (user.role === 'programme_lead' && user.programmeCodes.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['programmeCodes'], message: 'A programme lead needs at least one programme' });
    }
    if (user.role === 'la_officer' && !user.laCode) {
      ctx.addIssue({ code: 'custom', path: ['laCode'], message: 'A local authority officer needs a local authority' });
    }
  });
export type NewStaffUserInput = z.input<typeof newStaffUserSchema>;

export class DuplicateEmailError extends Error {
  constructor() {
    super('An account with that email address already exists');
    this.name = 'DuplicateEmailError';
  }
}

/** Creates a staff account and its audit record in one transaction. */
export async function createStaffUser(
  input: NewStaffUserInput,
  { createdBy = 'system', db = identityDb() }: { createdBy?: string; db?: IdentityDb } = {},
): Promise<StaffUser> {
  const parsed = newStaffUserSchema.parse(input);
  const email = normaliseEmail(parsed.email);
  const passwordHash = await hashPassword(parsed.password);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.email, email));
    if (existing) throw new DuplicateEmailError();
    const [user] = await tx
      .insert(staffUsers)
      .values({
        email,
        displayName: parsed.displayName,
        passwordHash,
        role: parsed.role,
        regionCodes: parsed.role === 'facilitator' ? parsed.regionCodes : [],
        programmeCodes: parsed.role === 'programme_lead' ? parsed.programmeCodes : [],
        laCode: parsed.role === 'la_officer' ? (parsed.laCode ?? null) : null,
      })
      .returning();
    if (!user) throw new Error('Insert returned no row');
    await recordAudit({ who: createdBy, what: 'staff.create', subjectId: user.id, subjectType: 'staff_user', details: { role: user.role } }, tx);
    return user;
  });
}

export async function countStaffUsers(db: IdentityDb = identityDb()): Promise<number> {
  return db.$count(staffUsers);
}
