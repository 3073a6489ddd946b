import type { Answers } from '~/surveys/answers';
import { conditionHolds, type SurveyDefinition, type SurveyQuestion } from '~/surveys/definitions.server';
import type { Random } from './random';

const PHRASES = [
  'The family hub was friendly and close to home.',
  'We waited a long time for help with our son’s needs.',
  'Evening sessions would help because we both work.',
  'The health visitor was brilliant after our baby was born.',
  'I did not know what was available until a friend told me.',
  'It would help to have one worker who knows our family.',
  'The parenting course helped us argue less.',
  'Online groups are easier with three children at home.',
  'Our flat has damp and mould and the landlord will not fix it. The baby keeps getting chest infections.',
  'We waited over a year for an autism assessment and the school would not put support in until we had it.',
  'I had postnatal depression and the GP put me on a waiting list for talking therapy. I needed help then, not in six months.',
  'The groups are all on weekday mornings when I am at work. There is nothing in the evenings or at weekends.',
  'The bus to the family hub costs more than we can afford, and it takes an hour each way with a pushchair.',
  'Our key worker changed three times in a year and each time we had to tell our story again.',
  'Universal Credit does not cover the rent and the bills. We have used the food bank twice this winter.',
  'The IDVA helped me make a safety plan and get a non-molestation order when I left my ex-partner.',
  'My teenager and I were arguing all the time. The family support worker helped us talk to each other again.',
  'The breakfast club closed, so I cannot get to work on time any more.',
  'The breakfast club was a lifeline for working parents and now it has gone.',
  'Nobody told us about the stay and play sessions until our son was nearly two.',
  'The health visitor listened to me and never made me feel judged.',
  'We were put in temporary accommodation miles from the children’s school.',
  'The online parenting course was easy to fit in after the children were in bed.',
];

export function answerFor(random: Random, question: SurveyQuestion): unknown {
  switch (question.type) {
    case 'radiogroup':
    case 'dropdown':
    case 'rating':
      return random.pick(question.choices).value;
    case 'checkbox':
    case 'tagbox': {
      if (question.noneChoice && random.chance(0.15)) return [question.noneChoice.value];
      const picked = question.choices.filter(() => random.chance(0.3)).map((choice) => choice.value);
      return picked.length > 0 ? picked : [random.pick(question.choices).value];
    }
    case 'boolean':
      return random.chance(0.5);
    case 'text':
    case 'comment':
      return random.pick(PHRASES);
    case 'matrix':
      return Object.fromEntries(question.rows.map((row) => [String(row.value), random.pick(question.columns).value]));
    case 'ranking':
      return [...question.choices].sort(() => random.next() - 0.5).map((choice) => choice.value);
    default:
      return undefined;
  }
}

/**
 * A complete, valid, plainly synthetic answer set for any question set, following its branching:
 * the same generator feeds the demo data, the tests and the benchmarks.
 */
export function buildSurveyAnswers(random: Random, survey: SurveyDefinition, { answerRate = 0.85 } = {}): Answers {
  const answers: Answers = {};
  for (const page of survey.text[survey.locales[0]!]!.pages) {
    if (!conditionHolds(page.visibleIf, answers)) continue;
    for (const question of page.questions) {
      if (!conditionHolds(question.visibleIf, answers)) continue;
      if (!question.isRequired && !random.chance(answerRate)) continue;
      const value = answerFor(random, question);
      if (value !== undefined) answers[question.name] = value;
    }
  }
  return answers;
}
