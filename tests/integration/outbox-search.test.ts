import { describe, expect, it } from 'vitest';
import { queueMessage, readOutbox, OUTBOX_PAGE_SIZE } from '~/identity/messages.server';
import { testStoreKind, withTestStores } from '../setup/stores';

withTestStores();

const held = { email: undefined, text: undefined };

describe(`searching the outbox (${testStoreKind})`, () => {
  it('finds messages by recipient or subject, pages through, and treats % and _ as themselves', async () => {
    for (let i = 0; i < OUTBOX_PAGE_SIZE + 5; i += 1) {
      await queueMessage({ channel: 'email', to: `parent.${i}@example.com`, subject: `Invitation ${i}`, text: 'Hello' }, held);
    }
    await queueMessage({ channel: 'text', to: '07700 900111', subject: 'Session moved: 50% of places left', text: 'Hello' }, held);

    const all = await readOutbox({ viewerId: 'system' });
    expect(all.total).toBe(OUTBOX_PAGE_SIZE + 6);
    expect(all.messages).toHaveLength(OUTBOX_PAGE_SIZE);
    expect((await readOutbox({ viewerId: 'system', page: 2 })).messages).toHaveLength(6);

    const one = await readOutbox({ viewerId: 'system', search: 'PARENT.7@' });
    expect(one.messages.map((message) => message.recipient)).toEqual(['parent.7@example.com']);
    expect((await readOutbox({ viewerId: 'system', search: 'session moved' })).total).toBe(1);
    expect((await readOutbox({ viewerId: 'system', search: '50%' })).total).toBe(1);
    expect((await readOutbox({ viewerId: 'system', search: '%' })).total).toBe(1);
    expect((await readOutbox({ viewerId: 'system', search: 'parent_1' })).total).toBe(0);
  });
});
