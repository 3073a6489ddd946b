import { describe, expect, it } from 'vitest';
import { pseudonymFor } from '~/identity/pseudonym.server';

describe('pseudonymFor', () => {
  it('is a stable keyed hash that does not contain the id', () => {
    const id = '7d1c3f0e-0a4b-4b8e-9a51-2f6c1d9e8b70';
    expect(pseudonymFor(id)).toMatch(/^[0-9a-f]{64}$/);
    expect(pseudonymFor(id)).toBe(pseudonymFor(id));
    expect(pseudonymFor(id)).not.toContain(id.replaceAll('-', ''));
  });

  it('differs between participants and between keys', () => {
    expect(pseudonymFor('a')).not.toBe(pseudonymFor('b'));
    expect(pseudonymFor('a', 'key-one-0123456789-0123456789-01')).not.toBe(pseudonymFor('a', 'key-two-0123456789-0123456789-01'));
  });
});
