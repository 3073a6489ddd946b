import { readUpperTierLocalAuthorities } from '#db/reference/files';
import { PROGRAMME_CODES } from '#db/reference/programmes';
import type { DraftSource } from './drafts.server';
import { isChannel } from './vocabulary';

let laCodes: Set<string> | undefined;
export function isLocalAuthorityCode(code: string): boolean {
  laCodes ??= new Set(readUpperTierLocalAuthorities().map((la) => la.la_code));
  return laCodes.has(code);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Where a link came from (`?la=E09000033&programme=family-hubs&channel=hub-poster`, or `session=` for
 * session feedback). Values that are not a known local authority, a known programme, a short slug or
 * an id are ignored, not stored. Channels come from a fixed list, so nothing typed into a URL is kept.
 */
export function sourceFromParams(params: URLSearchParams): DraftSource {
  const la = params.get('la') ?? undefined;
  const programme = params.get('programme') ?? undefined;
  const channel = params.get('channel') ?? undefined;
  const session = params.get('session') ?? undefined;
  return {
    ...(session && UUID.test(session) ? { session } : {}),
    ...(la && isLocalAuthorityCode(la) ? { la } : {}),
    ...(programme && (PROGRAMME_CODES as readonly string[]).includes(programme) ? { programme } : {}),
    ...(channel && isChannel(channel) ? { channel } : {}),
  };
}
