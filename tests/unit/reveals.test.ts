import { describe, expect, it } from 'vitest';
import { getSurvey, type SurveyPage, type SurveyQuestion } from '~/surveys/definitions.server';
import { revealsOn } from '~/surveys/reveals';

const question = (name: string, type: string, extra: Partial<SurveyQuestion> = {}): SurveyQuestion =>
  ({ name, type, title: name, choices: [{ value: 'yes', text: 'Yes' }, { value: 'no', text: 'No' }], rows: [], columns: [], ...extra }) as SurveyQuestion;
const page = (...questions: SurveyQuestion[]): SurveyPage => ({ name: 'p', title: 'P', questions }) as SurveyPage;

describe('which follow-ups sit inside the answer that shows them', () => {
  it('takes one answer of an earlier radio or yes/no question on the same page', () => {
    const reveals = revealsOn(
      page(
        question('got_help', 'radiogroup'),
        question('kind', 'checkbox', { visibleIf: "{got_help} = 'yes'" }),
        question('wanted', 'boolean'),
        question('why', 'comment', { visibleIf: '{wanted} = true' }),
      ),
    );
    expect(Object.fromEntries(reveals)).toEqual({ kind: { parent: 'got_help', value: 'yes' }, why: { parent: 'wanted', value: 'true' } });
  });

  it('leaves the rest to the page coming back: conditions on several answers, a follow-up above, a choice that does not exist, a follow-up of a follow-up, a matrix', () => {
    const reveals = revealsOn(
      page(
        question('above', 'text', { visibleIf: "{trigger} = 'yes'" }),
        question('trigger', 'radiogroup'),
        question('both', 'text', { visibleIf: "{trigger} = 'yes' and {other} = 'no'" }),
        question('missing', 'text', { visibleIf: "{trigger} = 'maybe'" }),
        question('level1', 'radiogroup', { visibleIf: "{trigger} = 'no'" }),
        question('level2', 'text', { visibleIf: "{level1} = 'yes'" }),
        question('grid', 'matrix', { visibleIf: "{trigger} = 'yes'" }),
      ),
    );
    // Only level1 sits inside an answer; its own follow-up comes with the page again.
    expect([...reveals.keys()]).toEqual(['level1']);
  });

  it('finds the common question set’s one-answer follow-ups (disability, ethnic group, support wanted)', () => {
    const pages = getSurvey('common-question-set')!.text.en!.pages;
    const names = pages.flatMap((one) => [...revealsOn(one).keys()]);
    expect(names).toEqual(expect.arrayContaining(['wanted_support', 'disability_impact', 'ethnicity_asian', 'ethnicity_other']));
    expect(names).not.toContain('children_ages');
  });
});
