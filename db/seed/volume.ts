import { randomUUID } from 'node:crypto';
import { researchDb } from '#db/research/client';
import { PROGRAMME_CODES } from '#db/reference/programmes';
import { readUpperTierLocalAuthorities } from '#db/reference/files';
import { getSurvey } from '~/surveys/definitions.server';
import { prepareResponse, storePrepared, type PreparedResponse } from '~/surveys/responses.server';
import { CHANNELS } from '~/surveys/vocabulary';
import { createRandom } from './random';
import { buildSurveyAnswers } from './responses';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Adds `count` synthetic responses quickly, for benchmarks and demos with real volume: parents' and
 * young people's sets (9 to 1), spread over the last two years, every local authority and programme,
 * with free text. Each goes through the same preparation as a web submission (checks, scrubbing,
 * placing), then is stored in batches, each batch one transaction.
 */
export async function seedVolume(count: number, { seed = 1, batchSize = 2000, onProgress }: { seed?: number; batchSize?: number; onProgress?: (done: number) => void } = {}): Promise<number> {
  const random = createRandom(seed);
  const las = readUpperTierLocalAuthorities().map((la) => la.la_code);
  const channels = Object.keys(CHANNELS);
  const parents = getSurvey('common-question-set');
  const young = getSurvey('young-people');
  if (!parents || !young) throw new Error('The common question set and the young people’s set are needed');
  const now = Date.now();
  let stored = 0;
  for (let done = 0; done < count; ) {
    const batch: PreparedResponse[] = [];
    for (; batch.length < batchSize && done < count; done += 1) {
      const survey = random.chance(0.9) ? parents : young;
      const answers = buildSurveyAnswers(random, survey);
      if ('la' in answers) answers.la = random.pick(las);
      const ready = prepareResponse({
        survey,
        responseId: randomUUID(),
        answers,
        source: { la: random.pick(las), programme: random.pick(PROGRAMME_CODES), channel: random.pick(channels) },
        submittedAt: new Date(now - random.int(0, 729) * DAY_MS),
      });
      if (!ready.ok) throw new Error(`Synthetic answers failed the checks: ${JSON.stringify(ready.errors)}`);
      batch.push(ready.prepared);
    }
    stored += (await researchDb().transaction((tx) => storePrepared(tx, batch))).length;
    onProgress?.(done);
  }
  return stored;
}
