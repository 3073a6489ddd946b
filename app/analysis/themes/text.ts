import { stemmer } from 'stemmer';
import { eng } from 'stopword';

// stopword's English list is short (108 words): it keeps "so", "when", "not" and every contraction,
// which then lead the candidate themes' top terms. These are the rest of the function words.
const MORE_FUNCTION_WORDS = `
  get got us we our i me my just really also would could one still even lot so when not no nor than then there
  here where why how what which who whom whose this that these those am is are was were be been being have has
  had do does did doing done can will shall should may might must ought very too quite much many more most
  some any all both each every few other such own same only again ever never always already yet now just
  about above after before below between into through during until while upon onto off out over under up down
  it its they them their theirs he him his she her hers you your yours i'm i've i'd i'll you're you've you'd
  you'll he's she's it's we're we've we'd we'll they're they've they'd they'll that's there's what's who's
  isn't aren't wasn't weren't hasn't haven't hadn't doesn't don't didn't won't wouldn't shan't shouldn't
  can't cannot couldn't mustn't let's because though although if unless whether as like well back way thing
  things something anything nothing everything someone anyone everyone people bit lots kind sort make made
  go going went gone come came say said tell told know knew think thought want wanted need needed feel felt
  use used find found give gave take took try tried see saw look looked keep kept put seem seemed day days
  week weeks time times year years month months`.split(/\s+/).filter(Boolean);
const STOP = new Set([...eng, ...MORE_FUNCTION_WORDS]);

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
    .replace(/[\u2018\u2019]/g, "'")
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
