// Throwaway PostgreSQL databases for the benchmarks, made fresh and dropped afterwards.
import os from 'node:os';
import pg from 'pg';

export const benchServer = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function databaseUrl(database: string): string {
  return Object.assign(new URL(benchServer), { pathname: `/${database}` }).toString();
}

export async function adminStatement(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: benchServer });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export async function freshDatabases(names: string[]): Promise<void> {
  for (const name of names) {
    await adminStatement(`drop database if exists ${name} with (force)`);
    await adminStatement(`create database ${name}`);
  }
}

export async function dropDatabases(names: string[]): Promise<void> {
  for (const name of names) await adminStatement(`drop database if exists ${name} with (force)`);
}

/** p50, p95 and max of `runs` timed calls after `warm` untimed ones. */
export async function timeCalls(call: () => Promise<unknown>, { warm = 3, runs = 20 } = {}): Promise<{ p50: number; p95: number; max: number }> {
  for (let i = 0; i < warm; i += 1) await call();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await call();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!);
  return { p50: at(0.5), p95: at(0.95), max: at(1) };
}

export function machine(): string {
  return `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}
