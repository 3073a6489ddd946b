import { stemmer } from 'stemmer';
import { eng } from 'stopword';

const STOP = new Set([...eng, 'get', 'got', 'us', 'we', 'our', 'i', 'me', 'my', 'just', 'really', 'also', 'would', 'could', 'one', 'still', 'even', 'lot']);

/**
 * The terms of a comment: lower-cased words of two letters or more, stop words dropped, each stemmed
 * (Porter), so "waiting", "waited" and "waits" count as one term; plus adjacent pairs, which carry
 * much of the meaning in short comments ("health visitor", "waiting list").
 */
export function terms(text: string): string[] {
  const kept = words(text).map((word) => stemmer(word));
  const pairs = kept.slice(1).map((word, index) => `${kept[index]} ${word}`);
  return [...kept, ...pairs];
}

function words(text: string): string[] {
  const found = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .match(/[a-z][a-z']+/g) ?? [];
  return found.map((word) => word.replace(/'s?$/, '')).filter((word) => word.length > 1 && !STOP.has(word));
}

/** For showing terms: each stem as the word most often written for it ("wait" as "waiting"). */
export function readableTerms(texts: string[]): (term: string) => string {
  const counts = new Map<string, Map<string, number>>();
  for (const text of texts) {
    for (const word of words(text)) {
      const stem = stemmer(word);
      const forms = counts.get(stem) ?? new Map<string, number>();
      forms.set(word, (forms.get(word) ?? 0) + 1);
      counts.set(stem, forms);
    }
  }
  const readable = new Map([...counts].map(([stem, forms]) => [stem, [...forms].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0]]));
  return (term) => term.split(' ').map((stem) => readable.get(stem) ?? stem).join(' ');
}
