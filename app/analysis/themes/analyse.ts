import { clusterVectors } from './cluster';
import { adjustedRandIndex, purity } from './measures';
import { seededRandom } from './random';
import { trainSuggester, type Suggestion } from './suggest';
import { readableTerms } from './text';
import { buildVocabulary, dot, vectorise } from './tfidf';

export interface CommentRow {
  id: string;
  text: string;
  /** Set when an analyst has coded it: such rows train the suggestions. */
  code?: string | null;
}

export interface ThemeOptions {
  /** How many candidate themes to cluster the uncoded comments into (default: about √(n/2)). */
  clusters?: number;
  /** Suggestions below this confidence are not offered. */
  threshold?: number;
  seed?: number;
  /**
   * Each code's description and expected words, learnt alongside the coded comments (so a code can
   * be suggested before anyone has coded an example of it).
   */
  codebook?: { code: string; description: string; terms: string[] }[];
}

export interface ThemeResult {
  /** Each uncoded comment: the codes suggested for it and the candidate theme it falls in. */
  rows: { id: string; suggestions: Suggestion[]; cluster: number }[];
  /** Each candidate theme: its size, its most telling terms, and the comments nearest its centre. */
  clusters: { cluster: number; size: number; topTerms: string[]; nearest: string[] }[];
}

export const DEFAULT_THRESHOLD = 0.5;

/**
 * Suggests codes for uncoded comments from the coded ones, and groups the uncoded ones into
 * candidate themes. Offline and deterministic: the same input and seed give the same output.
 */
export function analyseComments(rows: CommentRow[], { clusters, threshold = DEFAULT_THRESHOLD, seed = 1, codebook = [] }: ThemeOptions = {}): ThemeResult {
  const definitions = codebook.filter((entry) => entry.terms.length > 0).map((entry) => ({ code: entry.code, text: `${entry.description} ${entry.terms.join('. ')}` }));
  const vocabulary = buildVocabulary([...rows.map((row) => row.text), ...definitions.map((entry) => entry.text)]);
  const size = vocabulary.terms.length;
  const vectors = rows.map((row) => vectorise(row.text, vocabulary));
  const codedIndexes = rows.flatMap((row, index) => (row.code ? [index] : []));
  const uncodedIndexes = rows.flatMap((row, index) => (row.code ? [] : [index]));
  const suggester = trainSuggester(
    [
      ...codedIndexes.map((index) => ({ vector: vectors[index]!, code: rows[index]!.code! })),
      ...definitions.map((entry) => ({ vector: vectorise(entry.text, vocabulary), code: entry.code })),
    ],
    size,
  );
  const k = clusters ?? Math.max(2, Math.min(40, Math.round(Math.sqrt(uncodedIndexes.length / 2))));
  const uncodedVectors = uncodedIndexes.map((index) => vectors[index]!);
  const clustering = clusterVectors(uncodedVectors, size, k, { seed });
  const readable = readableTerms(rows.map((row) => row.text));
  return {
    rows: uncodedIndexes.map((index, position) => ({
      id: rows[index]!.id,
      suggestions: suggester
        .suggest(vectors[index]!)
        .filter((suggestion) => suggestion.confidence >= threshold)
        .slice(0, 3)
        .map((suggestion) => ({ code: suggestion.code, confidence: Math.round(suggestion.confidence * 1000) / 1000 })),
      cluster: clustering.assignments[position]!,
    })),
    clusters: clustering.centroids.map((centre, cluster) => {
      const members = uncodedIndexes.filter((_, position) => clustering.assignments[position] === cluster);
      const topTerms = [...centre.entries()]
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .slice(0, 8)
        .filter(([, weight]) => weight > 0)
        .map(([position]) => readable(vocabulary.terms[position]!));
      const nearest = members
        .map((index) => ({ id: rows[index]!.id, score: dot(vectors[index]!, centre) }))
        .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
        .slice(0, 5)
        .map((item) => item.id);
      return { cluster, size: members.length, topTerms, nearest };
    }),
  };
}

export interface Evaluation {
  train: number;
  test: number;
  threshold: number;
  precision: number;
  recall: number;
  clusters: number;
  adjustedRandIndex: number;
  purity: number;
}

/**
 * Measures the suggestions and the clustering on a labelled set: half of each code's comments
 * (chosen by the seed) train, the other half are treated as uncoded and checked against their labels.
 */
export function evaluateThemes(
  rows: (CommentRow & { code: string })[],
  { threshold = DEFAULT_THRESHOLD, seed = 1, codebook }: { threshold?: number; seed?: number; codebook?: ThemeOptions['codebook'] } = {},
): Evaluation {
  const random = seededRandom(seed);
  const held = new Set<string>();
  const codes = [...new Set(rows.map((row) => row.code))].sort();
  for (const code of codes) {
    const ids = rows.filter((row) => row.code === code).map((row) => row.id);
    for (let index = ids.length - 1; index > 0; index -= 1) {
      const swap = Math.floor(random() * (index + 1));
      [ids[index], ids[swap]] = [ids[swap]!, ids[index]!];
    }
    for (const id of ids.slice(0, Math.floor(ids.length / 2))) held.add(id);
  }
  const truth = new Map(rows.map((row) => [row.id, row.code]));
  const result = analyseComments(
    rows.map((row) => ({ ...row, code: held.has(row.id) ? null : row.code })),
    // Only the codes in the set are suggested, so the measure is against its labels.
    { threshold, seed, clusters: codes.length, codebook: codebook?.filter((entry) => codes.includes(entry.code)) },
  );
  const suggested = result.rows.flatMap((row) => row.suggestions.map((suggestion) => suggestion.code === truth.get(row.id)));
  const found = result.rows.filter((row) => row.suggestions.some((suggestion) => suggestion.code === truth.get(row.id))).length;
  const round = (value: number) => Math.round(value * 1000) / 1000;
  return {
    train: rows.length - held.size,
    test: held.size,
    threshold,
    precision: round(suggested.length === 0 ? 0 : suggested.filter(Boolean).length / suggested.length),
    recall: round(result.rows.length === 0 ? 0 : found / result.rows.length),
    clusters: codes.length,
    adjustedRandIndex: round(adjustedRandIndex(result.rows.map((row) => truth.get(row.id)!), result.rows.map((row) => row.cluster))),
    purity: round(purity(result.rows.map((row) => truth.get(row.id)!), result.rows.map((row) => row.cluster))),
  };
}
