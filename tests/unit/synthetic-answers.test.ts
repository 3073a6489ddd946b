import { describe, expect, it } from 'vitest';
import { buildSurveyAnswers } from '#db/seed/responses';
import { createRandom } from '#db/seed/random';
import { checkAnswers } from '~/surveys/answers';
import { conditionHolds, listSurveys } from '~/surveys/definitions.server';

describe('the synthetic answer generator', () => {
  it.each(listSurveys().map((survey) => [survey.id, survey] as const))('makes valid, repeatable answers for %s', (_id, survey) => {
    const random = createRandom(7);
    for (let i = 0; i < 50; i += 1) {
      const answers = buildSurveyAnswers(random, survey);
      expect(checkAnswers(survey.text.en!, answers, { requiredPages: 'all', condition: conditionHolds })).toEqual({ ok: true, answers });
    }
    expect(buildSurveyAnswers(createRandom(1), survey)).toEqual(buildSurveyAnswers(createRandom(1), survey));
  });
});
