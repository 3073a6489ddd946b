import { describe, expect, it } from 'vitest';
import { scrubbedError } from '~/utils/logger.server';

describe('logged errors', () => {
  it('lose any email, phone number or postcode they quote', () => {
    const error = Object.assign(new Error('duplicate key value violates unique constraint: (email)=(jo@example.com)'), {
      detail: 'Key (phone)=(07700 900123) already exists near M1 1AE',
    });
    const logged = JSON.stringify(scrubbedError(error));
    expect(logged).toContain('[email removed]');
    expect(logged).toContain('Key (phone)=([not logged]) already exists');
    expect(logged).toContain('[postcode removed]');
    expect(logged).not.toMatch(/jo@example\.com|07700 900123|M1 1AE/);
  });

  it('never include a failed query’s parameters, however the driver reports them', () => {
    const cause = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' });
    const error = Object.assign(new Error('Failed query: insert into "participants" ("full_name", "email") values ($1, $2)\nparams: Zebedee Quartermain,zq@example.org'), {
      query: 'insert into "participants" ("full_name", "email") values ($1, $2)',
      params: ['Zebedee Quartermain', 'zq@example.org'],
      cause,
    });
    const logged = JSON.stringify(scrubbedError(error));
    expect(logged).not.toMatch(/Zebedee|Quartermain|zq@example/);
    expect(logged).toContain('insert into');
    expect(logged).toContain('22021');
  });

  it('never include the values PostgreSQL quotes back, names included, which no scrubber could know', () => {
    const cause = Object.assign(new Error('null value in column "age_group" of relation "participants" violates not-null constraint'), {
      code: '23502',
      detail: 'Failing row contains (c02ca474, Zebedee Quartermain, zq@example.org, null).',
    });
    const duplicate = Object.assign(new Error('duplicate key value violates unique constraint "participants_email_unique"'), {
      code: '23505',
      detail: 'Key (email)=(zebedee.quartermain@example.org) already exists.',
    });
    const badInput = Object.assign(new Error('invalid input syntax for type uuid: "Zebedee Quartermain"'), { code: '22P02' });
    const logged = JSON.stringify([scrubbedError(Object.assign(new Error('Failed query'), { cause })), scrubbedError(duplicate), scrubbedError(badInput)]);
    expect(logged).not.toMatch(/Zebedee|Quartermain|zq@example/);
    expect(logged).toContain('Failing row contains [values not logged].');
    expect(logged).toContain('Key (email)=([not logged]) already exists.');
    expect(logged).toContain('invalid input syntax for type uuid: [value not logged]');
  });
});
