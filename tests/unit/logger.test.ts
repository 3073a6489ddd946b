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
});
