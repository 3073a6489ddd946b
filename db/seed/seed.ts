import { randomUUID } from 'node:crypto';
import { researchDb } from '#db/research/client';
import { events, guides, panels, surveyResponses } from '#db/research/schema';
import { countStaffUsers, createStaffUser } from '~/auth/staff-users.server';
import { secondFactorRequired } from '~/auth/roles';
import { enrolKnownSecret } from '~/auth/second-factor.server';
import { getSurvey } from '~/surveys/definitions.server';
import { submitResponse } from '~/surveys/responses.server';
import { CHANNELS } from '~/surveys/vocabulary';
import { readUpperTierLocalAuthorities } from '#db/reference/files';
import { createRandom } from './random';
import { seedGuides } from './guides';
import { seedLocalWorkstream } from './local-workstream';
import { seedPanels } from './panels';
import { seedSitePages } from './site';
import { buildSurveyAnswers } from './responses';
import { DEMO_STAFF, DEMO_TOTP_SECRET } from './staff';

const DEMO_SEED = 20_261_122;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Synthetic survey responses across local authorities and the past year, for demos and reports. */
async function seedResponses(count: { 'common-question-set': number; 'young-people': number }): Promise<void> {
  const random = createRandom(DEMO_SEED);
  const las = readUpperTierLocalAuthorities().map((la) => la.la_code);
  const now = Date.now();
  for (const [id, n] of Object.entries(count)) {
    const survey = getSurvey(id);
    if (!survey) continue;
    for (let i = 0; i < n; i += 1) {
      const answers = buildSurveyAnswers(random, survey);
      // Most families say where they live; the rest are placed by the link they came from.
      if ('la' in answers && random.chance(0.8)) answers.la = random.pick(las);
      const result = await submitResponse({
        survey,
        responseId: randomUUID(),
        answers,
        source: { la: random.pick(las), channel: random.pick(Object.keys(CHANNELS)) },
        submittedAt: new Date(now - random.int(0, 364) * DAY_MS),
      });
      if (!result.ok) throw new Error(`Synthetic answers failed the checks: ${JSON.stringify(result.errors)}`);
    }
  }
}

/**
 * Fills empty stores with demo data. Idempotent: each store that already has data is left alone,
 * so restarts keep whatever people have changed. Everything is drawn from createRandom(seed), so
 * every machine gets the same demo data.
 */
export async function seedDemoData(): Promise<{ seeded: boolean }> {
  let seeded = false;
  if ((await countStaffUsers()) === 0) {
    for (const staff of DEMO_STAFF) {
      const user = await createStaffUser(staff, { createdBy: 'system' });
      if (secondFactorRequired(user.role)) await enrolKnownSecret(user.id, DEMO_TOTP_SECRET);
    }
    seeded = true;
  }
  if ((await researchDb().$count(surveyResponses)) === 0) {
    await seedResponses({ 'common-question-set': 240, 'young-people': 60 });
    seeded = true;
  }
  if ((await researchDb().$count(panels)) === 0) {
    await seedPanels(createRandom(DEMO_SEED + 1));
    seeded = true;
  }
  if ((await researchDb().$count(guides)) === 0) {
    await seedGuides();
    seeded = true;
  }
  if (await seedSitePages()) seeded = true;
  if ((await researchDb().$count(events)) === 0) {
    await seedLocalWorkstream(createRandom(DEMO_SEED + 2));
    seeded = true;
  }
  return { seeded };
}
