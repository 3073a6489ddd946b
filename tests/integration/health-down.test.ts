import { describe, expect, it } from 'vitest';
import { researchStore } from '#db/research/client';
import { loader as healthz } from '~/routes/healthz';
import { testStoreKind, withTestStores } from '../setup/stores';

withTestStores();

describe(`health when a store is down (${testStoreKind})`, () => {
  it('answers 503 and names the store that is down', async () => {
    await researchStore().close();
    const response = await healthz();
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'unavailable', stores: { identity: 'up', research: 'down' } });
  });
});
