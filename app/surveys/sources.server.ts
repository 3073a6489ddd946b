import { readUpperTierLocalAuthorities } from '#db/reference/files';
import { PROGRAMME_CODES } from '#db/reference/programmes';
import type { DraftSource } from './drafts.server';
import { isChannel } from './vocabulary';

let laCodes: Set<string> | undefined;
export function isLocalAuthorityCode(code: string): boolean {
  laCodes ??= new Set(readUpperTierLocalAuthorities().map((la) => la.la_code));
  return laCodes.has(code);
}


/**
 * Where a link came from (`?la=E09000033&programme=family-hubs&channel=hub-poster`). A session is
 * never taken from a link: only a claimed single-use feedback code sets it. Values that are not a known local authority, a known programme, a short slug or
 * an id are ignored, not stored. Channels come from a fixed list, so nothing typed into a URL is kept.
 */
export function sourceFromParams(params: URLSearchParams): DraftSource {
  const la = params.get('la') ?? undefined;
  const programme = params.get('programme') ?? undefined;
  const channel = params.get('channel') ?? undefined;
  return {
    ...(la && isLocalAuthorityCode(la) ? { la } : {}),
    ...(programme && (PROGRAMME_CODES as readonly string[]).includes(programme) ? { programme } : {}),
    ...(channel && isChannel(channel) ? { channel } : {}),
  };
}
