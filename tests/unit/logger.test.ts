import { describe, expect, it } from 'vitest';
import { scrubbedError } from '~/utils/logger.server';

describe('logged errors', () => {
  it('lose any email, phone number or postcode they quote', () => {
    const error = Object.assign(new Error('duplicate key value violates unique constraint: (email)=(jo@example.com)'), {
      detail: 'Key (phone)=(07700 900123) already exists near M1 1AE',
    });
    const logged = JSON.stringify(scrubbedError(error));
    expect(logged).toContain('[email removed]');
    expect(logged).toContain('[phone number removed]');
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
});
