import { describe, expect, it } from 'vitest';
import { scrubPersonalData } from '~/utils/scrub';

describe('scrubPersonalData', () => {
  it.each([
    ['email me at jo.bloggs+test@example.co.uk please', 'email me at [email removed] please'],
    ['JANE@EXAMPLE.COM', '[email removed]'],
    ['call 07700 900123 after 6', 'call [phone number removed] after 6'],
    ['landline (020) 7946 0958', 'landline [phone number removed]'],
    ['+44 7700 900123', '[phone number removed]'],
    ['+44 (0)20 7946 0958', '[phone number removed]'],
    ['I live at SW1A 1AA now', 'I live at [postcode removed] now'],
    ['postcode m11ae', 'postcode [postcode removed]'],
    ['B33 8TH', '[postcode removed]'],
    ['NHS number 943 476 5919', 'NHS number [NHS number removed]'],
    ['NI AB 12 34 56 C', 'NI [National Insurance number removed]'],
    ['see https://example.org/me?id=4 or www.example.com', 'see [link removed] or [link removed]'],
  ])('scrubs %j', (input, expected) => {
    expect(scrubPersonalData(input)).toBe(expected);
  });

  it.each([
    'We waited 6 weeks for a health visitor',
    'My 3 children are 2, 5 and 11',
    'It was in 2023 and cost £40',
    'The family hub on the high street was great',
  ])('leaves ordinary text alone: %j', (input) => {
    expect(scrubPersonalData(input)).toBe(input);
  });
});
