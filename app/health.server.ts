import { identityStore } from '#db/identity/client';
import { researchStore } from '#db/research/client';
import { listSurveys, unavailableSurveys } from '~/surveys/definitions.server';

export type StoreState = 'up' | 'down';
export interface Health {
  status: 'ok' | 'unavailable';
  stores: { identity: StoreState; research: StoreState };
  /** Question sets that could not be loaded: the service runs without them (their pages answer 503). */
  surveys: { available: number; unavailable: { file: string; reason: string }[] };
}

const PING_TIMEOUT_MS = 2_000;

async function probe(ping: () => Promise<void>): Promise<StoreState> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), PING_TIMEOUT_MS);
  });
  try {
    await Promise.race([ping(), timeout]);
    return 'up';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}

/** Pings each store with a short timeout; the service is only healthy when both answer. */
export async function checkHealth(): Promise<Health> {
  const [identity, research] = await Promise.all([
    probe(() => identityStore().ping()),
    probe(() => researchStore().ping()),
  ]);
  return {
    status: identity === 'up' && research === 'up' ? 'ok' : 'unavailable',
    stores: { identity, research },
    surveys: { available: listSurveys().length, unavailable: unavailableSurveys().map((problem) => ({ file: problem.fileName, reason: problem.reason })) },
  };
}
