import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { identityDb } from '#db/identity/client';
import { auditEvents, staffUsers } from '#db/identity/schema';
import { createRandom } from '#db/seed/random';
import { buildStaffUser } from '#db/seed/staff';
import { requireRole, requireUser } from '~/auth/guards.server';
import { rememberAuthenticatorKey, signInStaff } from '../setup/sign-in';
import { createStaffUser } from '~/auth/staff-users.server';
import { action as signInAction, loader as signInLoader } from '~/routes/sign-in';
import { action as setUpAction, loader as setUpLoader } from '~/routes/sign-in_.authenticator';
import { generate } from 'otplib';
import { action as signOutAction } from '~/routes/sign-out';
import { loader as auditLoader } from '~/routes/staff.audit';
import { formRequest, outcome, pageRequest, testContext } from '../setup/requests';
import { testStoreKind, withTestStores } from '../setup/stores';

withTestStores();
const random = createRandom(3);

describe(`sign-in and guarded pages (${testStoreKind})`, () => {
  const admin = buildStaffUser(random, { role: 'administrator' });
  const analyst = buildStaffUser(random, { role: 'analyst' });
  let analystToken: string;
  beforeAll(async () => {
    await createStaffUser(admin);
    await createStaffUser(analyst);
    const result = await signInStaff({ email: analyst.email, password: analyst.password, address: '192.0.2.1' });
    if (!result.ok) throw new Error('sign-in failed');
    analystToken = result.token;
  });

  it('signs in and sends a signed, HttpOnly, SameSite=Lax session cookie', async () => {
    const request = await formRequest('/sign-in', { email: analyst.email, password: analyst.password, redirectTo: '/staff/findings' });
    const result = await outcome(() => signInAction({ request, context: testContext(), params: {} }));
    expect(result.status).toBe(302);
    expect(result.headers.get('Location')).toBe('/staff/findings');
    expect(result.headers.get('Set-Cookie')).toMatch(/^fv_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax$/);
  });

  it('gives an administrator no session for the password alone: they set up an authenticator first, then are signed in and sent on', async () => {
    const request = await formRequest('/sign-in', { email: admin.email, password: admin.password, redirectTo: '/staff/audit' });
    const result = await outcome(() => signInAction({ request, context: testContext(), params: {} }));
    expect(result.status).toBe(302);
    expect(result.headers.get('Location')).toBe('/sign-in/authenticator?redirectTo=%2Fstaff%2Faudit');
    const pending = result.headers.get('Set-Cookie')!;
    expect(pending).toMatch(/^fv_pending_sign_in=[^;]+; Max-Age=600; Path=\/; HttpOnly; SameSite=Lax$/);
    expect(pending).not.toContain('fv_session');
    const cookie = pending.split(';')[0]!;
    // Without the pending cookie, the second step sends people back to the first.
    const bare = await outcome(async () => setUpLoader({ request: await pageRequest('/sign-in/authenticator'), params: {}, context: testContext() }));
    expect(bare.headers.get('Location')).toBe('/sign-in');
    const page = (await setUpLoader({ request: await pageRequest('/sign-in/authenticator?redirectTo=%2Fstaff%2Faudit', { cookie }), params: {}, context: testContext() })) as { details: { key: string } };
    const code = await generate({ secret: page.details.key.replace(/ /g, '') });
    const [adminRow] = await identityDb().select().from(staffUsers).where(eq(staffUsers.email, admin.email));
    rememberAuthenticatorKey(adminRow!.id, page.details.key);
    const done = await outcome(async () => setUpAction({ request: await formRequest('/sign-in/authenticator?redirectTo=%2Fstaff%2Faudit', { code }, { cookie }), params: {}, context: testContext() }));
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ next: '/staff/audit', recoveryCodes: expect.arrayContaining([expect.stringMatching(/^[a-z2-9]{5}-[a-z2-9]{5}$/)]) });
    expect(done.headers.get('Set-Cookie')).toMatch(/^fv_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax, fv_pending_sign_in=; Max-Age=0/);
  });

  it('puts only a path on this service into the sign-in form, whatever the link says', async () => {
    const page = (to: string) => signInLoader({ request: new Request(`http://localhost/sign-in?redirectTo=${to}`), params: {}, context: testContext() });
    expect(await page('/%09/evil.example/phish')).toMatchObject({ redirectTo: '/staff' });
    expect(await page('https://evil.example/')).toMatchObject({ redirectTo: '/staff' });
    expect(await page('/staff/panels')).toMatchObject({ redirectTo: '/staff/panels' });
  });

  it('answers a wrong password with 401 and the GOV.UK message, an empty form with 400', async () => {
    const wrong = await outcome(async () =>
      signInAction({ request: await formRequest('/sign-in', { email: admin.email, password: 'wrong password' }), context: testContext(), params: {} }),
    );
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ errors: [{ field: 'email', message: 'Enter a correct email address and password' }] });
    const empty = await outcome(async () =>
      signInAction({ request: await formRequest('/sign-in', { email: '', password: '' }), context: testContext(), params: {} }),
    );
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({
      errors: [
        { field: 'email', message: 'Enter your email address' },
        { field: 'password', message: 'Enter your password' },
      ],
    });
  });

  it('answers a locked account with 429 and Retry-After', async () => {
    const locked = buildStaffUser(random, { role: 'analyst' });
    await createStaffUser(locked);
    const context = testContext({ clientAddress: '198.51.100.77' });
    for (let i = 0; i < 10; i += 1) {
      await signInAction({ request: await formRequest('/sign-in', { email: locked.email, password: 'nope' }), context, params: {} });
    }
    const result = await outcome(async () =>
      signInAction({ request: await formRequest('/sign-in', { email: locked.email, password: locked.password }), context, params: {} }),
    );
    expect(result.status).toBe(429);
    expect(Number(result.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(result.body).toMatchObject({ errors: [{ message: expect.stringMatching(/too many times\. Wait 5 minutes/) }] });
  });

  it('refuses a form without its CSRF token with 403 and writes nothing', async () => {
    const before = await identityDb().$count(auditEvents);
    const request = await formRequest('/sign-in', { email: admin.email, password: admin.password }, { csrf: false });
    const result = await outcome(() => signInAction({ request, context: testContext(), params: {} }));
    expect(result.status).toBe(403);
    expect(await identityDb().$count(auditEvents)).toBe(before);
    const signOut = await formRequest('/sign-out', {}, { csrf: false, sessionToken: analystToken });
    expect((await outcome(() => signOutAction({ request: signOut, context: testContext(), params: {} }))).status).toBe(403);
  });

  it('treats a forged or tampered session cookie as signed out', async () => {
    for (const cookie of ['fv_session=forged-token', `fv_session=${encodeURIComponent(btoa(JSON.stringify(analystToken)))}.bad-signature`]) {
      const result = await outcome(async () => requireUser(await pageRequest('/staff', { cookie })));
      expect(result.status).toBe(302);
      expect(result.headers.get('Location')).toBe('/sign-in?redirectTo=%2Fstaff');
    }
  });

  it('gives 403 to a role reaching another role’s page, and audits an administrator’s view of the trail', async () => {
    const forbidden = await outcome(async () =>
      auditLoader({ request: await pageRequest('/staff/audit', { sessionToken: analystToken }), context: testContext(), params: {} }),
    );
    expect(forbidden.status).toBe(403);

    const adminSession = await signInStaff({ email: admin.email, password: admin.password, address: '192.0.2.2' });
    if (!adminSession.ok) throw new Error('sign-in failed');
    const page = await auditLoader({
      request: await pageRequest('/staff/audit', { sessionToken: adminSession.token }),
      context: testContext({ requestId: 'audit-view-1' }),
      params: {},
    });
    // In plain words, with the person's name rather than an id.
    expect(page.events.map((event) => event.what)).toEqual(expect.arrayContaining(['Viewed the audit trail', 'Signed in', 'Failed to sign in']));
    expect(page.events[0]).toMatchObject({ what: 'Viewed the audit trail', who: adminSession.user.displayName });
  });

  it('signs out: the session ends, the cookie is cleared and the sign-out is audited', async () => {
    const session = await signInStaff({ email: analyst.email, password: analyst.password, address: '192.0.2.3' });
    if (!session.ok) throw new Error('sign-in failed');
    const result = await outcome(async () =>
      signOutAction({ request: await formRequest('/sign-out', {}, { sessionToken: session.token }), context: testContext(), params: {} }),
    );
    expect(result.status).toBe(302);
    expect(result.headers.get('Set-Cookie')).toMatch(/Max-Age=0/);
    await expect(requireRole(await pageRequest('/staff', { sessionToken: session.token }), 'analyst')).rejects.toMatchObject({ status: 302 });
    expect(await identityDb().$count(auditEvents)).toBeGreaterThan(0);
  });

  it('fails as "store unavailable" when the identity store is down, and stores nothing', async () => {
    const { closeIdentityStore, openIdentityStore } = await import('#db/identity/client');
    const { isStoreUnavailable } = await import('~/utils/store-errors');
    expect(await identityDb().$count(staffUsers)).toBeGreaterThan(0);
    await closeIdentityStore();
    // A server that is not there: nothing listens on port 1.
    await openIdentityStore({ url: 'postgres://postgres@127.0.0.1:1/identity' });
    const request = await formRequest('/sign-in', { email: admin.email, password: admin.password });
    const error = await signInAction({ request, context: testContext(), params: {} }).catch((thrown: unknown) => thrown);
    expect(isStoreUnavailable(error)).toBe(true);
  });
});
