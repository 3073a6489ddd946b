import { centroid, dot, type SparseVector } from './tfidf';

export interface Suggestion {
  code: string;
  /** 0 to 1: how strongly this code stands out from the others for this text. */
  confidence: number;
}

export interface Suggester {
  codes: string[];
  suggest(vector: SparseVector): Suggestion[];
}

/**
 * Learns each code from the comments analysts have coded with it: the code's centroid, compared
 * with a comment by cosine. The confidences are a softmax over the cosines, sharpened by
 * `temperature`, so a comment near one code and far from the rest scores high and an ambiguous one
 * does not. Deterministic: no randomness, ties broken by code name.
 */
export function trainSuggester(coded: { vector: SparseVector; code: string }[], size: number, temperature = 0.04): Suggester {
  const codes = [...new Set(coded.map((item) => item.code))].sort();
  const centroids = codes.map((code) => centroid(coded.filter((item) => item.code === code).map((item) => item.vector), size));
  return {
    codes,
    suggest(vector) {
      if (vector.size === 0 || codes.length === 0) return [];
      const scores = centroids.map((centre) => dot(vector, centre) / temperature);
      const top = Math.max(...scores);
      const weights = scores.map((score) => Math.exp(score - top));
      const total = weights.reduce((sum, weight) => sum + weight, 0);
      return codes
        .map((code, index) => ({ code, confidence: weights[index]! / total }))
        .sort((a, b) => b.confidence - a.confidence || (a.code < b.code ? -1 : 1));
    },
  };
}
