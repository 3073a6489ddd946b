import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { identityDb } from '#db/identity/client';
import { researchDb } from '#db/research/client';
import { surveyResponses } from '#db/research/schema';
import { participants, staffUsers } from '#db/identity/schema';
import { seedDemoData } from '#db/seed/seed';
import { DEMO_PASSWORD, DEMO_STAFF } from '#db/seed/staff';
import { ROLES } from '~/auth/roles';
import { signIn } from '~/auth/sign-in.server';
import { allResearchText } from '../setup/research-text';
import { testStoreKind, withTestStores } from '../setup/stores';

withTestStores();

describe(`demo data (${testStoreKind})`, () => {
  it('creates one working account per role and synthetic responses, once', async () => {
    expect(await seedDemoData()).toEqual({ seeded: true });
    expect(await seedDemoData()).toEqual({ seeded: false });
    expect(await researchDb().$count(surveyResponses)).toBe(300);
    expect(await researchDb().$count(surveyResponses, sql`region_code is not null`)).toBeGreaterThan(250);
    const users = await identityDb().select({ role: staffUsers.role, email: staffUsers.email }).from(staffUsers);
    expect(users.map((user) => user.role).sort()).toEqual([...ROLES].sort());
    for (const staff of DEMO_STAFF) {
      expect((await signIn({ email: staff.email, password: DEMO_PASSWORD, address: '192.0.2.5' })).ok).toBe(true);
    }
  });

  it('puts no staff or panel member identifier into the research store', async () => {
    const text = await allResearchText();
    expect(text).toContain('Manchester');
    for (const staff of DEMO_STAFF) {
      expect(text).not.toContain(staff.email);
      expect(text).not.toContain(staff.displayName);
    }
    expect(text).not.toMatch(/@example\.com|07700 900|Testparent|Step-free|School pick-up/);
    expect(await identityDb().$count(participants)).toBe(45);
  });
});
