import { createHmac } from 'node:crypto';
import type { Pseudonym } from '#db/research/pseudonym';
import { getEnv } from '~/env.server';

/**
 * The only bridge between the two stores (spec 15.2.3). A participant's research rows carry this
 * pseudonym, never their id. The key lives in configuration, never in either database, so the
 * research side cannot go back from a pseudonym to a person.
 */
export function pseudonymFor(participantId: string, key: string = getEnv().PSEUDONYM_KEY): Pseudonym {
  return createHmac('sha256', key).update(participantId, 'utf8').digest('hex') as Pseudonym;
}
