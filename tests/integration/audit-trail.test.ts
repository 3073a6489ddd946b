import { describe, expect, it } from 'vitest';
import { createRandom } from '#db/seed/random';
import { buildStaffUser } from '#db/seed/staff';
import { createStaffUser } from '~/auth/staff-users.server';
import { recordAudit } from '~/governance/audit.server';
import { auditExport, auditPage, readAuditFilter } from '~/governance/audit-trail.server';
import { actionLabel, actorLabel, detailsText } from '~/governance/audit-labels';
import { testStoreKind, withTestStores } from '../setup/stores';

withTestStores();

describe(`the audit trail (${testStoreKind})`, () => {
  it('filters by person, action and UK dates, names the people, and pages through', async () => {
    const random = createRandom(44);
    const alice = await createStaffUser(buildStaffUser(random, { role: 'administrator' }));
    const bob = await createStaffUser(buildStaffUser(random, { role: 'facilitator', regionCodes: ['E12000002'] }));
    for (let i = 0; i < 60; i += 1) await recordAudit({ who: alice.id, what: 'participants.view', subjectType: 'panel' });
    await recordAudit({ who: bob.id, what: 'sessions.schedule', subjectType: 'panel_session', details: { reason: 'Half term' } });

    const bobs = await auditPage(readAuditFilter(new URLSearchParams({ who: bob.id })));
    expect(bobs.total).toBe(1);
    expect(bobs.events[0]).toMatchObject({ whoName: bob.displayName, what: 'sessions.schedule' });
    expect(actionLabel(bobs.events[0]!.what)).toBe('Scheduled a session');
    expect(detailsText(bobs.events[0]!.details)).toBe('reason: Half term');

    const alices = readAuditFilter(new URLSearchParams({ who: alice.id, what: 'participants.view' }));
    expect((await auditPage(alices)).total).toBe(60);
    expect((await auditPage(alices)).events).toHaveLength(50);
    expect((await auditPage({ ...alices, page: 2 })).events).toHaveLength(10);
    expect(await auditExport(alices)).toHaveLength(60);

    // Today in UK time includes everything just written; a range that ended yesterday has none of it.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
    expect((await auditPage(readAuditFilter(new URLSearchParams({ who: bob.id, from: today, to: today })))).total).toBe(1);
    expect((await auditPage(readAuditFilter(new URLSearchParams({ who: bob.id, to: '2020-01-01' })))).total).toBe(0);
  });

  it('ignores filters it does not understand rather than trusting them', () => {
    expect(readAuditFilter(new URLSearchParams({ who: "x' or 1=1", what: 'made.up', from: '2026-02-30', page: '-4' }))).toEqual({ page: 1 });
  });

  it('names actors that are not staff', () => {
    expect(actorLabel('anonymous', null)).toBe('Someone not signed in');
    expect(actorLabel('system', null)).toBe('The system');
  });
});
