import { randomUUID } from 'node:crypto';
import { researchDb } from '#db/research/client';
import { ehsgAssessments, guideRatings, guideVersions } from '#db/research/schema';
import { pseudonymFor } from '~/identity/pseudonym.server';
import { previousQuarter, quarterOf } from '~/reports/quarters';
import { setSupported } from '~/research/direct-support.server';
import { createEvent, type EventKind } from '~/research/events.server';
import { getSurvey } from '~/surveys/definitions.server';
import { submitResponse } from '~/surveys/responses.server';
import type { Random } from './random';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Demo workshops with feedback, supported authorities with self-assessments, and guide ratings, so the KPI dashboard has figures. */
export async function seedLocalWorkstream(random: Random): Promise<void> {
  const survey = getSurvey('event-feedback');
  const plan: { kind: EventKind; title: string; daysAgo: number; laCodes: string[]; feedback: number }[] = [
    { kind: 'workshop', title: 'Hearing from families: what works (North West)', daysAgo: 20, laCodes: ['E08000003', 'E08000001', 'E06000008'], feedback: 14 },
    { kind: 'training', title: 'Running a parent carer panel', daysAgo: 110, laCodes: ['E09000033', 'E09000007'], feedback: 11 },
    { kind: 'peer-support', title: 'Supporting Families peer support group', daysAgo: 40, laCodes: ['E08000003', 'E10000017'], feedback: 0 },
  ];
  for (const item of plan) {
    const created = await createEvent({ kind: item.kind, title: item.title, heldOn: new Date(Date.now() - item.daysAgo * DAY_MS), laCodes: item.laCodes, attendees: item.feedback + random.int(2, 6), singleUse: false });
    if (!created.ok || !survey) continue;
    for (let i = 0; i < item.feedback; i += 1) {
      const answers = { organisation: random.pick(['local-authority', 'local-authority', 'partner']), quality: random.pick([3, 4, 4, 5, 5]), usefulness: random.pick([3, 4, 5, 5]) };
      const result = await submitResponse({ survey, responseId: randomUUID(), answers, source: { event: created.event.id }, submittedAt: new Date(Date.now() - (item.daysAgo - 1) * DAY_MS) });
      if (!result.ok) throw new Error(`Synthetic event feedback failed the checks: ${JSON.stringify(result.errors)}`);
    }
  }

  const supported = ['E08000003', 'E06000008', 'E09000007', 'E10000017'];
  await setSupported(supported);
  const now = quarterOf(new Date());
  const before = previousQuarter(now);
  await researchDb()
    .insert(ehsgAssessments)
    .values(
      supported.flatMap((laCode) => {
        const baseline = random.int(4, 8) / 4;
        return [
          { laCode, quarter: before.key, surveyVersion: 1, answers: {}, score: baseline },
          { laCode, quarter: now.key, surveyVersion: 1, answers: {}, score: Math.min(4, baseline + random.int(0, 3) / 4) },
        ];
      }),
    )
    .onConflictDoNothing();

  const [version] = await researchDb().select({ id: guideVersions.id }).from(guideVersions).limit(1);
  if (version) {
    await researchDb()
      .insert(guideRatings)
      .values(Array.from({ length: 12 }, (_, index) => ({ versionId: version.id, rater: pseudonymFor(`staff:demo-rater-${index}`), laCode: null, quality: random.pick([3, 4, 4, 5, 5]), usefulness: random.pick([3, 4, 5, 5]) })))
      .onConflictDoNothing();
  }
}
