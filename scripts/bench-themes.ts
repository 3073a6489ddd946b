/**
 * bench:themes — 10,000 comments suggested and clustered, timed, twice, to show the result is the
 * same on every run. The comments are made from the labelled set (tests/fixtures/themes): each joins
 * a labelled comment with part of another of the same code, so the vocabulary is real; 2,000 keep
 * their code (the training an analyst's coding gives), 8,000 are uncoded.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { parse } from 'csv-parse/sync';
import { projectPath } from '#db/paths';
import { analyseComments } from '../app/analysis/themes/analyse';
import { seededRandom } from '../app/analysis/themes/random';

const labelled: { id: string; text: string; code: string }[] = parse(readFileSync(projectPath('tests', 'fixtures', 'themes', 'labelled-comments.csv')), { columns: true, bom: true });
const random = seededRandom(2026);
const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
const rows = Array.from({ length: 10_000 }, (_, index) => {
  const first = pick(labelled);
  const second = pick(labelled.filter((row) => row.code === first.code));
  const words = second.text.split(' ');
  return { id: `b${index}`, text: `${first.text} ${words.slice(0, Math.ceil(words.length / 2)).join(' ')}`, code: index < 2_000 ? first.code : null };
});

const runs = [1, 2].map(() => {
  const started = performance.now();
  const result = analyseComments(rows, { clusters: 20, seed: 1 });
  return { seconds: (performance.now() - started) / 1000, hash: createHash('sha256').update(JSON.stringify(result)).digest('hex').slice(0, 16), suggested: result.rows.filter((row) => row.suggestions.length > 0).length };
});
console.log(
  JSON.stringify(
    {
      machine: `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`,
      comments: rows.length,
      coded: 2_000,
      clusters: 20,
      seconds: runs.map((run) => Math.round(run.seconds * 10) / 10),
      sameResult: runs[0]!.hash === runs[1]!.hash,
      withASuggestion: runs[0]!.suggested,
    },
    null,
    2,
  ),
);
