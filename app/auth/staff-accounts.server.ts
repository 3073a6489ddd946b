import { and, asc, eq, gt, isNull, ne } from 'drizzle-orm';
import { z } from 'zod';
import { identityDb } from '#db/identity/client';
import { staffPasswordLinks, staffSessions, staffUsers, type StaffUser } from '#db/identity/schema';
import { PROGRAMME_CODES } from '#db/reference/programmes';
import { recordAudit } from '~/governance/audit.server';
import { queueMessage } from '~/identity/messages.server';
import { publicUrl } from '~/utils/public-url.server';
import { hashToken, newToken } from '~/utils/tokens.server';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './password.server';
import { ROLE_LABELS, ROLES } from './roles';
import { createStaffUser, DuplicateEmailError, LA_CODE, REGION_CODE } from './staff-users.server';

/** Invitation and reset links last a week; a newer one replaces any older one for the same person. */
const LINK_DAYS = 7;

/** A role and the scope that goes with it, as an administrator sets them. */
const roleAndScope = z
  .object({
    role: z.enum(ROLES, { errorMap: () => ({ message: 'Select a role' }) }),
    regionCodes: z.array(z.string().regex(REGION_CODE, 'Select regions from the list')).default([]),
    programmeCodes: z.array(z.enum(PROGRAMME_CODES, { errorMap: () => ({ message: 'Select programmes from the list' }) })).default([]),
    laCode: z
      .string()
      .transform((value) => value || null)
      .pipe(z.string().regex(LA_CODE, 'Select a local authority from the list').nullable())
      .default(''),
  })
  .superRefine((scope, ctx) => {
    if (scope.role === 'facilitator' && scope.regionCodes.length === 0) ctx.addIssue({ code: 'custom', path: ['regionCodes'], message: 'Select the regions a facilitator covers' });
    if (scope.role === 'programme_lead' && scope.programmeCodes.length === 0) ctx.addIssue({ code: 'custom', path: ['programmeCodes'], message: 'Select the programmes a lead reads' });
    if (scope.role === 'la_officer' && !scope.laCode) ctx.addIssue({ code: 'custom', path: ['laCode'], message: 'Select the officer’s local authority' });
  });

export const SCOPE_LISTS = ['regionCodes', 'programmeCodes'] as const;
export const roleAndScopeSchema = roleAndScope;

export const inviteSchema = z
  .object({
    displayName: z.string().trim().min(1, 'Enter their name').max(200, 'Name must be 200 characters or fewer'),
    email: z.string().trim().min(1, 'Enter their email address').email('Enter an email address in the correct format, like name@example.com').max(254),
  })
  .and(roleAndScope);
export type InviteInput = z.infer<typeof inviteSchema>;
export type RoleAndScope = z.infer<typeof roleAndScope>;

export const newPasswordSchema = z
  .object({
    password: z.string().min(MIN_PASSWORD_LENGTH, `Your password must be ${MIN_PASSWORD_LENGTH} characters or more`).max(256, 'Your password must be 256 characters or fewer'),
    confirm: z.string(),
  })
  .refine((value) => value.password === value.confirm, { path: ['confirm'], message: 'The passwords do not match' });

export type AccountResult = { ok: true; user: StaffUser } | { ok: false; errors: { field: string; message: string }[] };

function scoped(scope: RoleAndScope) {
  return {
    role: scope.role,
    regionCodes: scope.role === 'facilitator' ? scope.regionCodes : [],
    programmeCodes: scope.role === 'programme_lead' ? scope.programmeCodes : [],
    laCode: scope.role === 'la_officer' ? scope.laCode : null,
  };
}

/** A fresh single-use link for `user`, replacing any they had; returns the token for the message. */
async function newPasswordLink(userId: string, purpose: 'invite' | 'reset'): Promise<string> {
  const token = newToken();
  await identityDb().transaction(async (tx) => {
    await tx.delete(staffPasswordLinks).where(eq(staffPasswordLinks.userId, userId));
    await tx.insert(staffPasswordLinks).values({ tokenHash: hashToken(token), userId, purpose, expiresAt: new Date(Date.now() + LINK_DAYS * 86_400_000) });
  });
  return token;
}

async function sendLink(user: StaffUser, purpose: 'invite' | 'reset', token: string, by: StaffUser) {
  const link = publicUrl(`/set-password/${token}`);
  const text =
    purpose === 'invite'
      ? `Hello ${user.displayName},\n\n${by.displayName} has given you a Family Voice account as ${ROLE_LABELS[user.role].toLowerCase()}.\n\nSet your password to start using it (the link works once, for ${LINK_DAYS} days):\n${link}\n\nIf you were not expecting this, you can ignore this email.`
      : `Hello ${user.displayName},\n\nAn administrator has reset your Family Voice password.\n\nSet a new password (the link works once, for ${LINK_DAYS} days):\n${link}\n\nUntil you do, your old password no longer works. If you did not expect this, tell your administrator.`;
  await queueMessage({ channel: 'email', to: user.email, subject: purpose === 'invite' ? 'Your Family Voice account' : 'Set a new Family Voice password', text });
}

/**
 * An administrator invites a member of staff: the account is made with no usable password and they
 * are emailed a link to set one. The link, never the password, travels by email.
 */
export async function inviteStaff(input: InviteInput, by: StaffUser, correlationId?: string): Promise<AccountResult> {
  try {
    const scope = scoped(input);
    const user = await createStaffUser(
      { email: input.email, displayName: input.displayName, password: newToken(), ...scope, laCode: scope.laCode ?? undefined },
      { createdBy: by.id },
    );
    const token = await newPasswordLink(user.id, 'invite');
    await sendLink(user, 'invite', token, by);
    await recordAudit({ who: by.id, what: 'staff.invite', subjectId: user.id, subjectType: 'staff_user', correlationId, details: { role: user.role } });
    return { ok: true, user };
  } catch (error) {
    if (error instanceof DuplicateEmailError) return { ok: false, errors: [{ field: 'email', message: 'There is already an account with that email address' }] };
    throw error;
  }
}

export async function listStaff() {
  return identityDb().select().from(staffUsers).orderBy(asc(staffUsers.displayName));
}

export async function getStaff(id: string): Promise<StaffUser | undefined> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return undefined;
  const [user] = await identityDb().select().from(staffUsers).where(eq(staffUsers.id, id));
  return user;
}

/** Other administrators who can still sign in: an administrator cannot lock everyone out. */
async function otherActiveAdministrators(id: string): Promise<number> {
  const rows = await identityDb()
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(and(eq(staffUsers.role, 'administrator'), ne(staffUsers.id, id), isNull(staffUsers.disabledAt)));
  return rows.length;
}

/** Changes a role and scope; the person's sessions end so the new rights apply at once. */
export async function changeRole(target: StaffUser, scope: RoleAndScope, by: StaffUser, correlationId?: string): Promise<AccountResult> {
  if (target.role === 'administrator' && scope.role !== 'administrator' && (await otherActiveAdministrators(target.id)) === 0) {
    return { ok: false, errors: [{ field: 'role', message: 'There must always be an administrator who can sign in: make someone else an administrator first' }] };
  }
  const [user] = await identityDb().transaction(async (tx) => {
    const updated = await tx.update(staffUsers).set(scoped(scope)).where(eq(staffUsers.id, target.id)).returning();
    if (target.id !== by.id) await tx.delete(staffSessions).where(eq(staffSessions.userId, target.id));
    await recordAudit(
      { who: by.id, what: 'staff.update', subjectId: target.id, subjectType: 'staff_user', correlationId, details: { from: target.role, to: scope.role } },
      tx,
    );
    return updated;
  });
  return { ok: true, user: user! };
}

/** Disables (signing them out everywhere) or re-enables an account. */
export async function setDisabled(target: StaffUser, disabled: boolean, by: StaffUser, correlationId?: string): Promise<AccountResult> {
  if (disabled && target.id === by.id) return { ok: false, errors: [{ field: 'disable', message: 'You cannot disable your own account' }] };
  if (disabled && target.role === 'administrator' && (await otherActiveAdministrators(target.id)) === 0) {
    return { ok: false, errors: [{ field: 'disable', message: 'There must always be an administrator who can sign in' }] };
  }
  const [user] = await identityDb().transaction(async (tx) => {
    const updated = await tx.update(staffUsers).set({ disabledAt: disabled ? new Date() : null }).where(eq(staffUsers.id, target.id)).returning();
    if (disabled) {
      await tx.delete(staffSessions).where(eq(staffSessions.userId, target.id));
      await tx.delete(staffPasswordLinks).where(eq(staffPasswordLinks.userId, target.id));
    }
    await recordAudit({ who: by.id, what: disabled ? 'staff.disable' : 'staff.enable', subjectId: target.id, subjectType: 'staff_user', correlationId }, tx);
    return updated;
  });
  return { ok: true, user: user! };
}

/** Resets a password: the old one stops working now, and a link to set a new one is emailed. */
export async function resetPassword(target: StaffUser, by: StaffUser, correlationId?: string): Promise<AccountResult> {
  if (target.disabledAt) return { ok: false, errors: [{ field: 'reset', message: 'Re-enable the account before resetting its password' }] };
  await identityDb().transaction(async (tx) => {
    await tx.update(staffUsers).set({ passwordHash: await hashPassword(newToken()) }).where(eq(staffUsers.id, target.id));
    await tx.delete(staffSessions).where(eq(staffSessions.userId, target.id));
    await recordAudit({ who: by.id, what: 'staff.password-reset', subjectId: target.id, subjectType: 'staff_user', correlationId }, tx);
  });
  const token = await newPasswordLink(target.id, 'reset');
  await sendLink(target, 'reset', token, by);
  return { ok: true, user: target };
}

/** The account a set-password link is for, if the link is current and the account enabled. */
export async function findPasswordLink(token: string) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  const [row] = await identityDb()
    .select({ link: staffPasswordLinks, user: staffUsers })
    .from(staffPasswordLinks)
    .innerJoin(staffUsers, eq(staffUsers.id, staffPasswordLinks.userId))
    .where(and(eq(staffPasswordLinks.tokenHash, hashToken(token)), gt(staffPasswordLinks.expiresAt, new Date())));
  return row && !row.user.disabledAt ? row : undefined;
}

/** Uses a link once: sets the password, ends any sessions, removes the link. */
export async function setPasswordWithLink(token: string, password: string, correlationId?: string): Promise<StaffUser | undefined> {
  const found = await findPasswordLink(token);
  if (!found) return undefined;
  const passwordHash = await hashPassword(password);
  return identityDb().transaction(async (tx) => {
    const removed = await tx.delete(staffPasswordLinks).where(eq(staffPasswordLinks.tokenHash, hashToken(token))).returning();
    // Two tabs racing: only the first use counts.
    if (removed.length === 0) return undefined;
    await tx.update(staffUsers).set({ passwordHash }).where(eq(staffUsers.id, found.user.id));
    await tx.delete(staffSessions).where(eq(staffSessions.userId, found.user.id));
    await recordAudit({ who: found.user.id, what: 'staff.password-set', subjectId: found.user.id, subjectType: 'staff_user', correlationId, details: { link: found.link.purpose } }, tx);
    return found.user;
  });
}

/** Someone changes their own password: the current one first; their other sessions end. */
export async function changeOwnPassword(
  user: StaffUser,
  { current, password }: { current: string; password: string },
  keepSessionHash: string | null,
  correlationId?: string,
): Promise<AccountResult> {
  const [row] = await identityDb().select({ passwordHash: staffUsers.passwordHash }).from(staffUsers).where(eq(staffUsers.id, user.id));
  if (!row || !(await verifyPassword(row.passwordHash, current))) return { ok: false, errors: [{ field: 'current', message: 'Your current password is not right' }] };
  const passwordHash = await hashPassword(password);
  await identityDb().transaction(async (tx) => {
    await tx.update(staffUsers).set({ passwordHash }).where(eq(staffUsers.id, user.id));
    await tx
      .delete(staffSessions)
      .where(keepSessionHash ? and(eq(staffSessions.userId, user.id), ne(staffSessions.tokenHash, keepSessionHash)) : eq(staffSessions.userId, user.id));
    await recordAudit({ who: user.id, what: 'staff.password-change', subjectId: user.id, subjectType: 'staff_user', correlationId }, tx);
  });
  return { ok: true, user };
}

