import { saveSuggestionRun, suggestionInput } from '~/research/themes.server';
import { analyseComments, DEFAULT_THRESHOLD } from './themes/analyse';

/** A run reads at most this many uncoded excerpts (the newest), so it stays a few seconds long on this scale of machine. */
export const UNCODED_PER_RUN = 3000;

/**
 * Suggests codes for uncoded excerpts and finds emerging themes among them, learnt from what
 * analysts have coded and from the codebook's descriptions and expected words; then replaces the
 * open suggestions and themes with these. Offline and deterministic (a fixed seed).
 */
export async function refreshSuggestions({ uncodedLimit = UNCODED_PER_RUN, threshold = DEFAULT_THRESHOLD } = {}): Promise<{ excerpts: number; suggestions: number; themes: number }> {
  const input = await suggestionInput({ uncodedLimit });
  if (input.uncoded.length === 0) {
    await saveSuggestionRun({ suggestions: [], themes: [] });
    return { excerpts: 0, suggestions: 0, themes: 0 };
  }
  const result = analyseComments(
    [...input.coded.map((row) => ({ id: row.id, text: row.text, code: row.codeId })), ...input.uncoded.map((row) => ({ id: row.id, text: row.text }))],
    { threshold, seed: 1, codebook: input.codebook.map((entry) => ({ code: entry.codeId, description: entry.description, terms: entry.terms })) },
  );
  const suggestions = result.rows.flatMap((row) => row.suggestions.map((suggestion) => ({ excerptId: row.id, codeId: suggestion.code, confidence: suggestion.confidence })));
  // A theme of one or two excerpts is not a theme yet.
  const themes = result.clusters
    .filter((cluster) => cluster.size >= 3 && cluster.topTerms.length > 0)
    .map((cluster) => {
      const members = result.rows.filter((row) => row.cluster === cluster.cluster).map((row) => row.id);
      const rest = members.filter((id) => !cluster.nearest.includes(id)).sort();
      return { topTerms: cluster.topTerms, size: cluster.size, excerptIds: [...cluster.nearest, ...rest] };
    });
  await saveSuggestionRun({ suggestions, themes });
  return { excerpts: input.uncoded.length, suggestions: suggestions.length, themes: themes.length };
}
