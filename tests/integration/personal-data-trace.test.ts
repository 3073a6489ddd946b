import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityDb } from '#db/identity/client';
import { outboxMessages, participants } from '#db/identity/schema';
import { createRandom } from '#db/seed/random';
import { buildStaffUser } from '#db/seed/staff';
import { queryRows } from '#db/store';
import { createStaffUser } from '~/auth/staff-users.server';
import { createPanel } from '~/research/panels.server';
import { action as invitationAction } from '~/routes/invitations.$token';
import { action as submitAction } from '~/routes/surveys.$slug.submit';
import { scheduleSession } from '~/scheduling/schedule.server';
import { logger } from '~/utils/logger.server';
import { joinPanel } from '../setup/join-panel';
import { formRequest, testContext } from '../setup/requests';
import { allResearchText } from '../setup/research-text';
import { testStoreKind, withTestStores } from '../setup/stores';
import { commitCsrfToken } from '~/auth/csrf.server';

withTestStores();

// Everything the logger writes, at every level, exactly as it would reach the log.
const logged: string[] = [];
const stream = logger[pino.symbols.streamSym as unknown as keyof typeof logger];
const level = logger.level;
beforeAll(() => {
  logger.level = 'trace';
  (logger as unknown as Record<symbol, unknown>)[pino.symbols.streamSym] = { write: (line: string) => logged.push(line) };
});
afterAll(() => {
  logger.level = level;
  (logger as unknown as Record<symbol, unknown>)[pino.symbols.streamSym] = stream;
});

const who = { fullName: 'Zephyrine Quillfeather', email: 'zephyrine.quillfeather@example.org', phone: '07700 900789', nhs: '943 476 5919' };

/** Every spelling of the person's details a searcher might try, on text made comparable first. */
function traces(text: string): string[] {
  const plain = text.normalize('NFKC').replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '').toLowerCase();
  const digits = plain.replace(/[\s\-().+]/g, '');
  const found: string[] = [];
  for (const word of ['zephyrine', 'quillfeather', 'example.org', 'example dot org']) if (plain.includes(word)) found.push(word);
  for (const number of ['7700900789', '447700900789', '9434765919']) if (digits.includes(number)) found.push(number);
  return found;
}

async function allIdentityText(): Promise<string> {
  const tables = await queryRows<{ table_name: string }>(identityDb(), sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`);
  const parts: string[] = [];
  for (const { table_name } of tables) parts.push(JSON.stringify(await queryRows(identityDb(), sql`select * from ${sql.identifier(table_name)}`)));
  return parts.join('\n');
}

// Six ways a family might write their own details into a free-text answer.
const freeTexts = [
  `Email me at ${who.email} please`,
  'zephyrine dot quillfeather at example dot org',
  'ｚｅｐｈｙｒｉｎｅ．ｑｕｉｌｌｆｅａｔｈｅｒ＠ｅｘａｍｐｌｅ．ｏｒｇ',
  'Ring 0 7 7 0 0 - 9 0 0 - 7 8 9 or +44 (0)7700 900789',
  'oh seven seven oh oh nine oh oh seven eight nine',
  `My NHS number is 943\u200B476\u200B5919, email zephyrine\u200B.quillfeather@example\u200B.org`,
];

describe(`a member's details leave no trace outside the identity store (${testStoreKind})`, () => {
  it('after a join, six submissions and a withdrawal: none in the research store or the logs, then none in the identity store', async () => {
    const panel = await createPanel(
      { name: 'Trace panel', level: 'regional', regionCode: 'E12000002', laCode: null, programmeCodes: ['family-hubs'], audience: 'parents-carers', focus: null, recruitmentTarget: 20, existingGroup: false },
      { regionCodes: 'all' },
    );
    const facilitator = await createStaffUser(buildStaffUser(createRandom(88), { role: 'facilitator', regionCodes: ['E12000002'] }));
    const inSixWeeks = new Date(Date.now() + 42 * 86_400_000);
    const day = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'numeric', year: 'numeric' }).formatToParts(inSixWeeks);
    const part = (type: string) => day.find((item) => item.type === type)!.value;
    const form = new FormData();
    for (const [key, value] of Object.entries({ title: 'Trace session', day: part('day'), month: part('month'), year: part('year'), startTime: '18:00', endTime: '19:00', mode: 'online', onlineDetails: 'Video link', capacity: '10', confirmWarnings: '1', facilitators: facilitator.id })) form.append(key, value);
    expect((await scheduleSession({ panel, user: facilitator, form })).status).toBe('scheduled');

    // Join, as the form sends it.
    const joined = await joinPanel(panel.id, {
        fullName: who.fullName,
        email: who.email,
        phone: who.phone,
        preferredContact: 'email',
        age: '18-plus',
        accessNeeds: `${who.fullName} uses a wheelchair`,
        caringCommitments: 'School run',
        availability: ['weekends'],
        attendanceMode: 'either',
        la: 'E08000003',
        ethnic_group: 'mixed',
        consentResearch: 'yes',
        consentContact: 'yes',
    });
    expect(joined.status).toBe(302);

    // Six submissions, through the same action the browser posts to.
    const [csrf, csrfCookie] = await commitCsrfToken(new Request('http://localhost/'));
    for (const text of freeTexts) {
      const request = new Request('http://localhost/surveys/young-people/submit', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: String(csrfCookie).split(';')[0]! },
        body: JSON.stringify({
          csrf,
          responseId: randomUUID(),
          locale: 'en',
          source: { la: 'E08000003', channel: 'school-link' },
          answers: { young_person_age: '16-17', yp_services_used: ['family-hub'], yp_helpfulness: 4, help_sources: ['friend'], home_relationships: { siblings: 'well' }, yp_make_better: text },
        }),
      });
      const result = (await submitAction({ request, context: testContext(), params: { slug: 'young-people' } })) as { init: { status: number } };
      expect(result.init.status).toBe(200);
    }

    expect(traces(await allResearchText())).toEqual([]);
    expect(traces(await allIdentityText())).not.toEqual([]);

    // Withdrawal through the member's own link, asking for their answers to go too.
    const [invitation] = await identityDb().select().from(outboxMessages).where(sql`${outboxMessages.body} like '%/invitations/%'`);
    const token = /invitations\/([A-Za-z0-9_-]{43})/.exec(invitation!.body ?? '')![1]!;
    const withdrawn = await invitationAction({
      request: await formRequest(`/invitations/${token}`, { intent: 'withdraw', confirmWithdraw: 'yes', deleteAnswers: 'yes' }),
      params: { token },
      context: testContext(),
    }).catch((thrown: unknown) => thrown);
    expect((withdrawn as Response).headers.get('Location')).toBe('/withdrawn');

    expect(traces(await allResearchText())).toEqual([]);
    expect(traces(await allIdentityText())).toEqual([]);

    // A database error carrying the details as query parameters, logged as the error handler logs it.
    const failure = await identityDb()
      .insert(participants)
      .values({ fullName: who.fullName, email: who.email, phone: who.phone, preferredContact: 'email', ageGroup: null as unknown as string, attendanceMode: 'either' })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    logger.error({ err: failure }, 'request failed');
    expect(logged.some((line) => line.includes('request failed'))).toBe(true);
    expect(traces(logged.join('\n'))).toEqual([]);
  });
});
