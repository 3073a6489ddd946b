import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { identityDb } from '#db/identity/client';
import { auditEvents, outboxMessages, staffPasswordLinks, staffSessions, staffUsers } from '#db/identity/schema';
import { createRandom } from '#db/seed/random';
import { buildStaffUser } from '#db/seed/staff';
import { signInStaff } from '../setup/sign-in';
import {
  changeOwnPassword,
  changeRole,
  findPasswordLink,
  inviteSchema,
  inviteStaff,
  resetPassword,
  setDisabled,
  setPasswordWithLink,
} from '~/auth/staff-accounts.server';
import { createStaffUser } from '~/auth/staff-users.server';
import { testStoreKind, withTestStores } from '../setup/stores';

withTestStores();

const random = createRandom(77);

/** The set-password link in the newest email to `email`, as the person would click it. */
async function linkSentTo(email: string): Promise<string> {
  const messages = await identityDb().select().from(outboxMessages).where(eq(outboxMessages.recipient, email)).orderBy(outboxMessages.id);
  const body = messages.at(-1)?.body ?? '';
  const token = /\/set-password\/([A-Za-z0-9_-]{43})/.exec(body)?.[1];
  if (!token) throw new Error('no link in the email');
  return token;
}

describe(`staff accounts in the app (${testStoreKind})`, () => {
  it('invites someone who sets a password from the emailed link, once, and signs in', async () => {
    const admin = await createStaffUser(buildStaffUser(random, { role: 'administrator' }));
    const input = inviteSchema.parse({ displayName: 'Nia Facilitator', email: 'Nia.F@example.org', role: 'facilitator', regionCodes: ['E12000002'], programmeCodes: [], laCode: '' });
    const invited = await inviteStaff(input, admin);
    expect(invited).toMatchObject({ ok: true, user: { email: 'nia.f@example.org', role: 'facilitator', regionCodes: ['E12000002'] } });
    // Only the link's hash is kept.
    const token = await linkSentTo('nia.f@example.org');
    expect(await identityDb().$count(staffPasswordLinks, eq(staffPasswordLinks.tokenHash, token))).toBe(0);
    // No password works before the link is used.
    expect((await signInStaff({ email: 'nia.f@example.org', password: 'anything at all 123', address: '192.0.2.60' })).ok).toBe(false);
    expect(await setPasswordWithLink(token, 'a long new password 42')).toMatchObject({ email: 'nia.f@example.org' });
    expect(await setPasswordWithLink(token, 'another password 4242')).toBeUndefined();
    expect(await findPasswordLink(token)).toBeUndefined();
    expect((await signInStaff({ email: 'nia.f@example.org', password: 'a long new password 42', address: '192.0.2.60' })).ok).toBe(true);
    // The same email again is refused.
    expect(await inviteStaff({ ...input, email: 'NIA.F@example.org' }, admin)).toMatchObject({ ok: false, errors: [{ field: 'email' }] });
  });

  it('changes a role (signing them out), disables and re-enables, resets a password, all audited', async () => {
    const admin = await createStaffUser(buildStaffUser(random, { role: 'administrator' }));
    const staff = await createStaffUser(buildStaffUser(random, { role: 'analyst', password: 'analyst password 99' }));
    expect((await signInStaff({ email: staff.email, password: 'analyst password 99', address: '192.0.2.61' })).ok).toBe(true);
    const changed = await changeRole(staff, { role: 'programme_lead', regionCodes: ['E12000001'], programmeCodes: ['family-hubs'], laCode: null }, admin);
    expect(changed).toMatchObject({ ok: true, user: { role: 'programme_lead', programmeCodes: ['family-hubs'], regionCodes: [] } });
    expect(await identityDb().$count(staffSessions, eq(staffSessions.userId, staff.id))).toBe(0);

    expect(await setDisabled(staff, true, admin)).toMatchObject({ ok: true });
    expect((await signInStaff({ email: staff.email, password: 'analyst password 99', address: '192.0.2.61' })).ok).toBe(false);
    expect(await resetPassword({ ...staff, disabledAt: new Date() }, admin)).toMatchObject({ ok: false });
    expect(await setDisabled(staff, false, admin)).toMatchObject({ ok: true });

    expect(await resetPassword(staff, admin)).toMatchObject({ ok: true });
    // The old password stops working at once; the emailed link sets a new one.
    expect((await signInStaff({ email: staff.email, password: 'analyst password 99', address: '192.0.2.61' })).ok).toBe(false);
    await setPasswordWithLink(await linkSentTo(staff.email), 'fresh password 1234');
    expect((await signInStaff({ email: staff.email, password: 'fresh password 1234', address: '192.0.2.61' })).ok).toBe(true);

    const actions = (await identityDb().select().from(auditEvents).where(eq(auditEvents.subjectId, staff.id))).map((event) => event.what);
    expect(actions).toEqual(expect.arrayContaining(['staff.update', 'staff.disable', 'staff.enable', 'staff.password-reset', 'staff.password-set']));
  });

  it('never leaves the service without an administrator who can sign in, and no one disables themselves', async () => {
    const everyAdmin = await identityDb().select().from(staffUsers).where(eq(staffUsers.role, 'administrator'));
    const [first] = everyAdmin;
    expect(await setDisabled(first!, true, first!)).toMatchObject({ ok: false, errors: [{ field: 'disable' }] });
    // Every administrator but one becomes an analyst; the last one cannot.
    const analyst = { role: 'analyst' as const, regionCodes: [], programmeCodes: [], laCode: null };
    for (const admin of everyAdmin.slice(1)) expect(await changeRole(admin, analyst, first!)).toMatchObject({ ok: true });
    expect(await changeRole(first!, analyst, first!)).toMatchObject({ ok: false, errors: [{ field: 'role' }] });
  });

  it('changes one’s own password only with the current one, ending other sessions', async () => {
    const staff = await createStaffUser(buildStaffUser(random, { role: 'analyst', password: 'my old password 1' }));
    expect(await changeOwnPassword(staff, { current: 'wrong', password: 'my new password 22' }, null)).toMatchObject({ ok: false, errors: [{ field: 'current' }] });
    expect(await changeOwnPassword(staff, { current: 'my old password 1', password: 'my new password 22' }, null)).toMatchObject({ ok: true });
    expect((await signInStaff({ email: staff.email, password: 'my new password 22', address: '192.0.2.62' })).ok).toBe(true);
  });
});
