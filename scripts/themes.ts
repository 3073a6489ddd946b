/**
 * Theme suggestions from the command line, for evaluation and batch use, offline:
 *   npm run themes -- --in comments.csv --out themes.json [--clusters 12] [--threshold 0.5] [--seed 1]
 *   npm run themes -- --in labelled.csv --evaluate [--codebook]
 * The CSV has `id,text` and optionally `code`: coded rows train the suggestions; uncoded rows are
 * suggested codes and clustered. With --evaluate every row must be coded: half are held back as
 * uncoded and the output is the precision, recall, adjusted Rand index and purity against the codes.
 * --codebook also learns from the seed codebook's descriptions and expected words (db/reference/codebook.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { analyseComments, evaluateThemes, DEFAULT_THRESHOLD } from '../app/analysis/themes/analyse';
import { SEED_CODEBOOK } from '../db/reference/codebook';

const { values } = parseArgs({
  options: {
    in: { type: 'string' },
    out: { type: 'string' },
    clusters: { type: 'string' },
    threshold: { type: 'string' },
    seed: { type: 'string' },
    evaluate: { type: 'boolean', default: false },
    codebook: { type: 'boolean', default: false },
  },
});

const options = z
  .object({
    in: z.string({ required_error: 'Give the comments file with --in comments.csv' }),
    out: z.string().optional(),
    clusters: z.coerce.number().int().min(1).max(200).optional(),
    threshold: z.coerce.number().min(0).max(1).default(DEFAULT_THRESHOLD),
    seed: z.coerce.number().int().default(1),
    evaluate: z.boolean(),
    codebook: z.boolean(),
  })
  .safeParse(values);
if (!options.success) {
  console.error(options.error.issues.map((issue) => issue.message).join('\n'));
  process.exit(2);
}

const rowSchema = z.object({ id: z.string().min(1), text: z.string(), code: z.string().optional() });
const records: unknown[] = parse(readFileSync(options.data.in), { columns: true, skip_empty_lines: true, bom: true, trim: true });
const rows = records.map((record, index) => {
  const parsed = rowSchema.safeParse(record);
  if (!parsed.success) {
    console.error(`Row ${index + 2}: needs an id and a text`);
    process.exit(2);
  }
  return { ...parsed.data, code: parsed.data.code || null };
});

if (options.data.evaluate) {
  const labelled = rows.filter((row): row is typeof row & { code: string } => Boolean(row.code));
  if (labelled.length !== rows.length) {
    console.error('--evaluate needs a code on every row');
    process.exit(2);
  }
  const started = performance.now();
  const result = evaluateThemes(labelled, { threshold: options.data.threshold, seed: options.data.seed, codebook: options.data.codebook ? SEED_CODEBOOK : undefined });
  console.log(JSON.stringify({ ...result, seconds: Math.round((performance.now() - started) / 100) / 10 }, null, 2));
} else {
  const result = analyseComments(rows, { clusters: options.data.clusters, threshold: options.data.threshold, seed: options.data.seed, codebook: options.data.codebook ? SEED_CODEBOOK : undefined });
  const json = JSON.stringify(result, null, 2);
  if (options.data.out) writeFileSync(options.data.out, json);
  else console.log(json);
  console.error(`${result.rows.length} uncoded comments, ${result.clusters.length} candidate themes`);
}
