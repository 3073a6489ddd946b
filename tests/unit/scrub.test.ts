import { describe, expect, it } from 'vitest';
import { scrubPersonalData } from '~/utils/scrub';
import type { SurveyQuestion } from '~/surveys/definitions.server';
import { scrubQuestionAnswers } from '~/surveys/scrub-answers';

const EMAIL = '[email removed]';
const PHONE = '[phone number removed]';
const NHS = '[NHS number removed]';
const NAME = '[name removed]';

describe('scrubPersonalData', () => {
  it.each([
    ['email me at jo.bloggs+test@example.co.uk please', `email me at ${EMAIL} please`],
    ['JANE@EXAMPLE.COM', EMAIL],
    ['call 07700 900123 after 6', `call ${PHONE} after 6`],
    ['landline (020) 7946 0958', `landline ${PHONE}`],
    ['+44 7700 900123', PHONE],
    ['+44 (0)20 7946 0958', PHONE],
    ['I live at SW1A 1AA now', 'I live at [postcode removed] now'],
    ['postcode m11ae', 'postcode [postcode removed]'],
    ['B33 8TH', '[postcode removed]'],
    ['NHS number 943 476 5919', `NHS number ${NHS}`],
    ['NI AB 12 34 56 C', 'NI [National Insurance number removed]'],
    ['see https://example.org/me?id=4 or www.example.com', 'see [link removed] or [link removed]'],
  ])('scrubs %j', (input, expected) => {
    expect(scrubPersonalData(input)).toBe(expected);
  });

  it.each([
    ['full-width digits', 'call ０７７００ ９００１２３', `call ${PHONE}`],
    ['full-width email', 'ｊｏ＠ｅｘａｍｐｌｅ．ｃｏｍ', EMAIL],
    ['zero-width spaces inside a phone number', '0770\u200B0 900\u200C123', PHONE],
    ['word joiner and BOM inside an email', 'jo\u2060@exa\uFEFFmple.com', EMAIL],
    ['soft hyphens inside an NHS number', '943\u00AD476\u00AD5919', NHS],
    ['en and em dashes', '07700\u2013900\u2014123', PHONE],
    ['non-breaking and thin spaces', '943\u00A0476\u20095919', NHS],
    ['middle dots', '07700\u00B7900\u00B7123', PHONE],
    ['ideographic full stop in an email', 'jo@example\u3002com', EMAIL],
    ['keycap emoji digits', '0️⃣7️⃣7️⃣0️⃣0️⃣9️⃣0️⃣0️⃣1️⃣2️⃣3️⃣', PHONE],
  ])('normalises before matching: %s', (_case, input, expected) => {
    expect(scrubPersonalData(input)).toBe(expected);
  });

  it.each([
    ['jo dot bloggs at example dot com', EMAIL],
    ['jo(at)example(dot)com', EMAIL],
    ['jo [at] example [dot] co [dot] uk', EMAIL],
    ['write to jo at example.com today', `write to ${EMAIL} today`],
    ['jo @ example . com', EMAIL],
    ['jo AT example DOT com', EMAIL],
    ['jo {at} example {dot} org', EMAIL],
    ['contact me at jo dot bloggs at example dot co dot uk', `contact me at ${EMAIL}`],
  ])('scrubs the spelled-out email %j', (input, expected) => {
    expect(scrubPersonalData(input)).toBe(expected);
  });

  it.each([
    ['dots', '07700.900.123'],
    ['dashes', '07700-900-123'],
    ['slashes', '07700/900/123'],
    ['spaces between single digits', '0 7 7 0 0 9 0 0 1 2 3'],
    ['brackets round the area code', '(07700) 900123'],
    ['+44 (0)', '+44 (0) 7700 900123'],
    ['+44 with a stray 0', '+44 07700 900123'],
    ['0044', '0044 7700 900123'],
    ['a 10-digit landline', '01632 960001'],
    ['spelled out with oh', 'oh seven seven oh oh nine oh oh one two three'],
    ['spelled out with zero', 'zero seven seven zero zero nine zero zero one two three'],
    ['spelled out with double', 'oh seven seven double oh nine double oh one two three'],
    ['half digits, half words', '07700 nine oh oh one two three'],
  ])('scrubs a phone number written with %s', (_case, input) => {
    expect(scrubPersonalData(`ring ${input} after 6`)).toBe(`ring ${PHONE} after 6`);
  });

  it.each([
    ['dashes', '943-476-5919'],
    ['dots', '943.476.5919'],
    ['slashes', '943/476/5919'],
    ['no separators', '9434765919'],
    ['spaces between every digit', '9 4 3 4 7 6 5 9 1 9'],
    ['words', 'nine four three four seven six five nine one nine'],
  ])('scrubs an NHS number written with %s', (_case, input) => {
    expect(scrubPersonalData(`NHS no. ${input}.`)).toBe(`NHS no. ${NHS}.`);
  });

  it('scrubs a phone number typed straight after a date', () => {
    expect(scrubPersonalData('on 12/03/2024 07700 900123')).toBe(`on 12/03/2024 ${PHONE}`);
  });

  it.each([
    ['Jane Smith came with Jane and Mr Smith', ['Jane Smith'], `${NAME} came with ${NAME} and Mr ${NAME}`],
    ['JANE and jane and Janet', ['Jane'], `${NAME} and ${NAME} and Janet`],
    ['Jo Li is here', ['Jo Li'], `${NAME} is here`],
    ['Jo said hello to Li', ['Jo Li'], 'Jo said hello to Li'],
    ['Mary-Jane Smith-Jones and Jones', ['Mary-Jane Smith-Jones'], `${NAME} and ${NAME}`],
    ['O’Brien was there', ["O'Brien"], `${NAME} was there`],
    ['Zoë was there', ['Zoe\u0308'], `${NAME} was there`],
    ['Ja\u200Bne was there', ['Jane'], `${NAME} was there`],
    ['a+b (c) came', ['a+b (c)'], `${NAME} came`],
    ['the link [link removed] and www.example.com', ['Link'], `the ${NAME} [link removed] and [link removed]`],
    ['nothing to see', ['', '  '], 'nothing to see'],
  ])('removes the names the form knows: %j with %j', (input, names, expected) => {
    expect(scrubPersonalData(input, { names })).toBe(expected);
  });

  it.each([
    ['my name is Jane Smith and I live here', `my name is ${NAME} and I live here`],
    ['My name is Jane.', `My name is ${NAME}.`],
    ['I’m called Aisha', `I'm called ${NAME}`],
    ['I am called Tom Jones', `I am called ${NAME}`],
    ['please call me Jane I said', `please call me ${NAME} I said`],
    ['Hello, this is Jane Smith speaking', `Hello, this is ${NAME} speaking`],
    ['this is Jane speaking', `this is ${NAME} speaking`],
  ])('removes a name introduced by a phrase: %j', (input, expected) => {
    expect(scrubPersonalData(input)).toBe(expected);
  });

  it.each([
    'We waited 6 weeks for a health visitor',
    'My 3 children are 2, 5 and 11',
    'I have 3 children aged 2, 5 and 11',
    'It was in 2023 and cost £40',
    'The family hub on the high street was great',
    'The session is at 3pm on 12/03/2024',
    'From 01/02/2023 - 05/06/2023 we went weekly',
    'Open 10.00 12.00 13.00 on Mondays',
    'Counted 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 11',
    'We were at the family hub',
    'we met at the hub and had a look at it',
    'she was at school. Dot was there too',
    'I was at school.It was fine',
    'one two three four five six seven eight nine',
    'my name is on the list, call me back',
    'This is Tuesday and this is fine',
    'It was at one o’clock',
  ])('leaves ordinary text alone: %j', (input) => {
    expect(scrubPersonalData(input)).toBe(input.replace(/’/g, "'"));
  });
});

describe('scrubQuestionAnswers', () => {
  it('scrubs free text and "other" comments, with the names the form knows, and leaves choices alone', () => {
    const questions = [
      { name: 'story', type: 'comment', title: 'Your story', freeText: true },
      { name: 'ethnicity', type: 'radiogroup', title: 'Ethnic group' },
    ] as unknown as SurveyQuestion[];
    const scrubbed = scrubQuestionAnswers(
      questions,
      { story: 'Ask Rowan Quill on 07700 900123', ethnicity: 'other', 'ethnicity-Comment': 'rowan would say mixed', helpfulness: 4 },
      { names: ['Rowan Quill', 'Pat Guardian'] },
    );
    expect(scrubbed).toEqual({ story: 'Ask [name removed] on [phone number removed]', ethnicity: 'other', 'ethnicity-Comment': '[name removed] would say mixed', helpfulness: 4 });
  });
});
