import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectPath } from '#db/paths';

/** Research-side code: it must never reach identity code, directly or through another module. */
const RESEARCH_SIDE = ['app/research', 'app/surveys', 'app/analysis', 'app/reports', 'db/research', 'db/reference'];
const IDENTITY_SIDE = ['app/identity', 'db/identity', 'app/auth', 'app/governance'];

const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;

function sourceFiles(dir: string): string[] {
  const full = projectPath(dir);
  if (!existsSync(full)) return [];
  return readdirSync(full).flatMap((name) => {
    const file = path.join(full, name);
    if (statSync(file).isDirectory()) return sourceFiles(path.join(dir, name));
    return /\.(ts|tsx)$/.test(name) ? [file] : [];
  });
}

function resolveImport(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith('~/')) base = projectPath('app', specifier.slice(2));
  else if (specifier.startsWith('#db/')) base = projectPath('db', specifier.slice(4));
  else if (specifier.startsWith('.')) base = path.resolve(path.dirname(from), specifier);
  else return null; // a package
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return base;
}

export function importsOf(file: string, source = readFileSync(file, 'utf8')): string[] {
  return [...source.matchAll(IMPORT)]
    .map((match) => match[1] ?? match[2] ?? match[3])
    .filter((specifier): specifier is string => Boolean(specifier))
    .map((specifier) => resolveImport(file, specifier))
    .filter((resolved): resolved is string => resolved !== null);
}

const isIdentity = (file: string) =>
  IDENTITY_SIDE.some((dir) => file.startsWith(projectPath(dir) + path.sep)) || /identity/i.test(path.basename(file));

/** Follows project imports from `start` and returns the first chain that reaches identity code. */
function pathToIdentity(start: string): string[] | null {
  const seen = new Set<string>();
  const queue: string[][] = [[start]];
  while (queue.length > 0) {
    const chain = queue.shift()!;
    const file = chain.at(-1)!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const imported of importsOf(file)) {
      const next = [...chain, imported];
      if (isIdentity(imported)) return next;
      if (existsSync(imported)) queue.push(next);
    }
  }
  return null;
}

describe('the two stores stay apart in code', () => {
  const files = RESEARCH_SIDE.flatMap(sourceFiles);

  it('finds research-side code to check', () => {
    expect(files.length).toBeGreaterThan(3);
  });

  it('no research, analysis, report or reference module reaches identity code', () => {
    const violations = files
      .map(pathToIdentity)
      .filter((chain): chain is string[] => chain !== null)
      .map((chain) => chain.map((file) => path.relative(projectPath(), file)).join(' → '));
    expect(violations).toEqual([]);
  });

  it('the checker catches a direct or aliased identity import', () => {
    const fake = projectPath('app', 'research', 'fake.server.ts');
    const imported = importsOf(fake, "import { identityDb } from '#db/identity/client';\nimport { x } from '~/auth/guards.server';");
    expect(imported.filter(isIdentity)).toHaveLength(2);
  });

  it('only research, survey and db code (and start-up, health and scripts) import the research client', () => {
    const allowed = ['app/research/', 'app/surveys/', 'db/', 'server/start-up.ts', 'app/health.server.ts', 'scripts/'];
    const client = projectPath('db', 'research', 'client.ts');
    const importers = ['app', 'db', 'server', 'scripts']
      .flatMap(sourceFiles)
      .filter((file) => importsOf(file).includes(client))
      .map((file) => path.relative(projectPath(), file));
    expect(importers.length).toBeGreaterThan(3);
    expect(importers.filter((file) => !allowed.some((prefix) => file.startsWith(prefix)))).toEqual([]);
  });

  it('only pseudonymFor makes a Pseudonym: nothing else casts to the brand', () => {
    const casts = ['app', 'db', 'server', 'scripts']
      .flatMap(sourceFiles)
      .filter((file) => /\bas\s+(?:unknown\s+as\s+)?Pseudonym\b/.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(projectPath(), file));
    expect(casts).toEqual(['app/identity/pseudonym.server.ts']);
  });
});
