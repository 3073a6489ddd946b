import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export interface FileFacts {
  bytes: number;
  sha256: string;
  /** How many newline bytes it holds: the rows of a JSON Lines file. */
  lines: number;
}

/** A file's size, SHA-256 and line count, read as a stream so a file of any size takes little memory. */
export async function fileFacts(file: string): Promise<FileFacts> {
  const hash = createHash('sha256');
  let bytes = 0;
  let lines = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines += 1;
  }
  return { bytes, sha256: hash.digest('hex'), lines };
}
