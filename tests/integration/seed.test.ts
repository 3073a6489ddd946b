import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { identityDb } from '#db/identity/client';
import { researchDb } from '#db/research/client';
import { surveyResponses } from '#db/research/schema';
import { participants, staffUsers } from '#db/identity/schema';
import { seedDemoData } from '#db/seed/seed';
import { DEMO_PASSWORD, DEMO_STAFF } from '#db/seed/staff';
import { ROLES } from '~/auth/roles';
import { signInStaff } from '../setup/sign-in';
import { sessionFeedbackReport } from '~/research/session-feedback.server';
import { queryRows } from '#db/store';
import { allResearchText } from '../setup/research-text';
import { testStoreKind, withTestStores } from '../setup/stores';

withTestStores();

describe(`demo data (${testStoreKind})`, () => {
  it('creates one working account per role and synthetic responses, once', async () => {
    expect(await seedDemoData()).toEqual({ seeded: true });
    expect(await seedDemoData()).toEqual({ seeded: false });
    expect(await researchDb().$count(surveyResponses, sql`survey_id in ('common-question-set', 'young-people')`)).toBe(300);
    // Demo workshops' feedback: 14 and 11 answers.
    expect(await researchDb().$count(surveyResponses, sql`survey_id = 'event-feedback'`)).toBe(25);
    expect(await researchDb().$count(surveyResponses, sql`region_code is not null`)).toBeGreaterThan(250);
    const users = await identityDb().select({ role: staffUsers.role, email: staffUsers.email }).from(staffUsers);
    expect(users.map((user) => user.role).sort()).toEqual([...ROLES].sort());
    for (const staff of DEMO_STAFF) {
      expect((await signInStaff({ email: staff.email, password: DEMO_PASSWORD, address: '192.0.2.5' })).ok).toBe(true);
    }
  });

  it('puts no staff or panel member identifier into the research store', async () => {
    const text = await allResearchText();
    expect(text).toContain('Manchester');
    for (const staff of DEMO_STAFF) {
      expect(text).not.toContain(staff.email);
      expect(text).not.toContain(staff.displayName);
    }
    expect(text).not.toMatch(/@example\.com|07700 900|Testparent|Testyoungperson|Step-free|School pick-up/);
    // 63 parents and carers across the nine regions and 6 on the national young people's panel.
    expect(await identityDb().$count(participants)).toBe(69);
  });

  it('gives the demo facilitator sessions to work with: feedback from past ones, replies and reminders for coming ones', async () => {
    const report = await sessionFeedbackReport({ kind: 'regions', regionCodes: ['E12000002', 'E12000007'] });
    expect(report.overall.total).toBeGreaterThanOrEqual(10);
    expect(report.overall.rate).not.toBeNull();
    expect(report.panels.every((panel) => panel.attendees >= panel.responses.total)).toBe(true);
    const upcoming = await queryRows<{ count: number }>(researchDb(), sql`select count(*)::int as count from panel_sessions where starts_at > now() + interval '28 days'`);
    // One ahead for each regional panel and one for the young people's panel.
    expect(upcoming[0]!.count).toBe(10);
    const replies = await queryRows<{ status: string }>(identityDb(), sql`select distinct status from invitations where expires_at > now()`);
    expect(replies.map((row) => row.status).sort()).toEqual(expect.arrayContaining(['accepted', 'invited']));
    const reminders = await queryRows<{ count: number }>(identityDb(), sql`select count(*)::int as count from pgboss.job where name = 'session-reminder' and state = 'created'`);
    // Two per session ahead (7 days and 1 day before).
    expect(reminders[0]!.count).toBe(20);
  });
});
