import type { ErrorEvent } from '@sentry/node';
import { describe, expect, it } from 'vitest';
import { scrubEvent } from '~/observability/sentry.server';

describe('Sentry beforeSend', () => {
  it('removes the user, cookies, bodies and identifying headers, and scrubs every string', () => {
    const event = {
      type: undefined,
      message: 'Duplicate key (email)=(parent@example.com)',
      user: { id: '1', email: 'parent@example.com', ip_address: '203.0.113.9' },
      request: {
        url: 'https://family-voice.example/panels/join',
        query_string: 'email=parent@example.com',
        cookies: { fv_session: 'abc' },
        data: { name: 'Jo', phone: '07700 900123' },
        headers: { Cookie: 'fv_session=abc', 'User-Agent': 'x', 'X-Forwarded-For': '203.0.113.9', Accept: 'text/html' },
      },
      exception: { values: [{ type: 'Error', value: 'Could not text 07700 900123 at SW1A 1AA' }] },
      extra: { nested: [{ note: 'write to jo@example.org' }] },
    } as unknown as ErrorEvent;
    const scrubbed = scrubEvent(event);
    expect(scrubbed.user).toBeUndefined();
    expect(scrubbed.request?.cookies).toBeUndefined();
    expect(scrubbed.request?.data).toBeUndefined();
    expect(scrubbed.request?.query_string).toBeUndefined();
    expect(scrubbed.request?.headers).toEqual({ Accept: 'text/html' });
    expect(scrubbed.message).toBe('Duplicate key (email)=([email removed])');
    expect(scrubbed.exception?.values?.[0]?.value).toBe('Could not text [phone number removed] at [postcode removed]');
    expect(JSON.stringify(scrubbed)).not.toMatch(/example\.(com|org)|07700|SW1A/);
  });
});
