import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from '~/auth/guards.server';
import { hashPassword, verifyPassword } from '~/auth/password.server';
import { visibleProgrammes } from '~/auth/scope';
import { isStoreUnavailable } from '~/utils/store-errors';

describe('passwords', () => {
  it('are hashed with argon2id at the OWASP parameters and verified', async () => {
    const hashed = await hashPassword('correct horse battery staple');
    expect(hashed).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hashed, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(hashed, 'Correct horse battery staple')).toBe(false);
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
  });
});

describe('safeRedirectPath', () => {
  it.each([
    ['/staff/audit', '/staff/audit'],
    ['/staff?x=1', '/staff?x=1'],
    ['//evil.example', '/staff'],
    ['/\\evil.example', '/staff'],
    ['https://evil.example', '/staff'],
    ['/\t/evil.example/phish', '/staff'],
    ['/%09/evil.example/phish', '/%09/evil.example/phish'],
    ['/\n/evil.example', '/staff'],
    ['/ /evil.example', '/%20/evil.example'],
    ['/staff/../..//evil.example', '/staff'],
    ['/staff/../audit', '/audit'],
    ['', '/staff'],
    [null, '/staff'],
  ])('%j goes to %j', (input, expected) => {
    expect(safeRedirectPath(input)).toBe(expected);
  });
});

describe('visibleProgrammes', () => {
  it('gives a lead their own programmes, an MHCLG lead every programme, other roles every programme', () => {
    expect(visibleProgrammes({ role: 'programme_lead', programmeCodes: ['family-hubs'] })).toEqual(['family-hubs']);
    expect(visibleProgrammes({ role: 'programme_lead', programmeCodes: ['supporting-families'] })).toHaveLength(5);
    expect(visibleProgrammes({ role: 'programme_lead', programmeCodes: [] })).toEqual([]);
    expect(visibleProgrammes({ role: 'analyst', programmeCodes: [] })).toHaveLength(5);
  });
});

describe('isStoreUnavailable', () => {
  it('recognises connection failures, also when wrapped, and not query bugs', () => {
    expect(isStoreUnavailable(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isStoreUnavailable(new Error('Failed query', { cause: Object.assign(new Error('x'), { code: '57P01' }) }))).toBe(true);
    expect(isStoreUnavailable(new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]))).toBe(true);
    expect(isStoreUnavailable(new Error('PGlite is closed'))).toBe(true);
    expect(isStoreUnavailable(Object.assign(new Error('syntax error'), { code: '42601' }))).toBe(false);
    expect(isStoreUnavailable('nope')).toBe(false);
  });
});
