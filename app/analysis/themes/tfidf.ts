import { terms } from './text';

/** A sparse vector: term index to weight, unit length. */
export type SparseVector = Map<number, number>;

export interface Vocabulary {
  index: Map<string, number>;
  terms: string[];
  idf: Float64Array;
}

/**
 * TF-IDF over a collection: terms that appear in at least `minDocs` comments (rarer ones are noise
 * for both suggestion and clustering), weighted by sublinear term frequency and smoothed inverse
 * document frequency, each vector scaled to unit length so a dot product is the cosine.
 */
export function buildVocabulary(texts: string[], minDocs = 2): Vocabulary {
  const documentFrequency = new Map<string, number>();
  for (const text of texts) for (const term of new Set(terms(text))) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const kept = [...documentFrequency.entries()].filter(([, count]) => count >= minDocs).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const index = new Map(kept.map(([term], position) => [term, position]));
  const idf = Float64Array.from(kept, ([, count]) => Math.log((1 + texts.length) / (1 + count)) + 1);
  return { index, terms: kept.map(([term]) => term), idf };
}

export function vectorise(text: string, vocabulary: Vocabulary): SparseVector {
  const counts = new Map<number, number>();
  for (const term of terms(text)) {
    const position = vocabulary.index.get(term);
    if (position !== undefined) counts.set(position, (counts.get(position) ?? 0) + 1);
  }
  const vector: SparseVector = new Map();
  let norm = 0;
  for (const [position, count] of counts) {
    const weight = (1 + Math.log(count)) * (vocabulary.idf[position] ?? 0);
    vector.set(position, weight);
    norm += weight * weight;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [position, weight] of vector) vector.set(position, weight / norm);
  return vector;
}

/** The dot product of a sparse vector with a dense one. */
export function dot(sparse: SparseVector, dense: Float64Array): number {
  let sum = 0;
  for (const [position, weight] of sparse) sum += weight * (dense[position] ?? 0);
  return sum;
}

/** The mean of some vectors, scaled to unit length (a spherical centroid). */
export function centroid(vectors: SparseVector[], size: number): Float64Array {
  const sum = new Float64Array(size);
  for (const vector of vectors) for (const [position, weight] of vector) sum[position] = (sum[position] ?? 0) + weight;
  let norm = 0;
  for (const value of sum) norm += value * value;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let position = 0; position < size; position += 1) sum[position] = (sum[position] ?? 0) / norm;
  return sum;
}
