import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip, createGzip } from 'node:zlib';

/**
 * The identity archive's encryption: AES-256-GCM (authenticated: a wrong passphrase or a changed
 * byte is detected) with a key from the passphrase by scrypt (N 2^15, r 8, p 1: about 32 MB and a
 * tenth of a second per guess). Both are in Node's standard library, so the Authority can open the
 * file with any language's standard tools.
 * The content is gzip'd JSON Lines (a header line, then one line a row), written and read as a
 * stream, so a store of any size goes through in constant memory.
 * File layout: "FVIA2" · salt (16) · IV (12) · ciphertext · tag (16).
 */
const MAGIC = Buffer.from('FVIA2');
const HEADER_BYTES = MAGIC.length + 16 + 12;
const TAG_BYTES = 16;
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
export const MIN_PASSPHRASE_LENGTH = 12;
export const ENCRYPTION_DESCRIPTION =
  'AES-256-GCM; key = scrypt(passphrase, salt, N=32768, r=8, p=1, 32 bytes); file = "FVIA2" + salt(16) + iv(12) + ciphertext + tag(16); plaintext = gzip of JSON Lines: a header {"format","createdAt"}, then {"table","row"} a row';

export class WrongPassphrase extends Error {
  constructor() {
    super('The passphrase is not right, or the file has been changed');
  }
}

export function passphraseProblem(passphrase: string | undefined): string | null {
  if (!passphrase) return 'Give a passphrase to encrypt the identity archive';
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) return `The passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters`;
  return null;
}

const keyFor = (passphrase: string, salt: Buffer) => scryptSync(passphrase.normalize('NFC'), salt, 32, SCRYPT);

export interface ArchiveHeader {
  format: string;
  createdAt: string;
}

export interface ArchiveRow {
  table: string;
  row: Record<string, unknown>;
}

/** Writes a sealed archive: the header, then every row the source gives, encrypted as it goes. */
export async function sealArchive(file: string, passphrase: string, header: ArchiveHeader, rows: AsyncIterable<ArchiveRow>): Promise<void> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(passphrase, salt), iv);
  async function* lines() {
    yield `${JSON.stringify(header)}\n`;
    for await (const row of rows) yield `${JSON.stringify(row)}\n`;
  }
  // The tag exists only once everything is encrypted, so it goes last.
  async function* framed(encrypted: AsyncIterable<Buffer>) {
    yield Buffer.concat([MAGIC, salt, iv]);
    for await (const chunk of encrypted) yield chunk;
    yield cipher.getAuthTag();
  }
  await pipeline(Readable.from(lines()), createGzip(), cipher, framed, createWriteStream(file, { mode: 0o600 }));
}

/** What a wrong key or a changed byte gives: a failed tag, bytes gzip cannot read, or a line that is not JSON. Anything else (a disk error) is itself. */
function unreadable(error: unknown): boolean {
  if (error instanceof SyntaxError) return true;
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (typeof code === 'string' && code.startsWith('Z_')) || (typeof message === 'string' && message.includes('unable to authenticate'));
}

/**
 * Opens a sealed archive and counts its rows by table, handing each row to `onRow` as it is read.
 * Rows are only known to be genuine when the promise resolves: a wrong passphrase or a changed byte
 * rejects it with WrongPassphrase, so act on nothing handed over until then.
 */
export async function openArchive(
  file: string,
  passphrase: string,
  onRow: (row: ArchiveRow) => void = () => {},
): Promise<{ header: ArchiveHeader; counts: Record<string, number> }> {
  const handle = await open(file, 'r');
  let salt: Buffer, iv: Buffer, tag: Buffer, size: number;
  try {
    size = (await handle.stat()).size;
    const head = Buffer.alloc(HEADER_BYTES);
    await handle.read(head, 0, HEADER_BYTES, 0);
    if (size <= HEADER_BYTES + TAG_BYTES || !head.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('This is not an identity archive');
    salt = head.subarray(MAGIC.length, MAGIC.length + 16);
    iv = head.subarray(MAGIC.length + 16);
    tag = Buffer.alloc(TAG_BYTES);
    await handle.read(tag, 0, TAG_BYTES, size - TAG_BYTES);
  } finally {
    await handle.close();
  }
  const decipher = createDecipheriv('aes-256-gcm', keyFor(passphrase, salt), iv);
  decipher.setAuthTag(tag);
  let header: ArchiveHeader | null = null;
  const counts: Record<string, number> = {};
  const take = (line: string) => {
    if (!header) {
      header = JSON.parse(line) as ArchiveHeader;
      return;
    }
    const row = JSON.parse(line) as ArchiveRow;
    counts[row.table] = (counts[row.table] ?? 0) + 1;
    onRow(row);
  };
  // One pipeline: a failure anywhere (the tag, gzip, a line, the reader) stops every part of it.
  try {
    await pipeline(createReadStream(file, { start: HEADER_BYTES, end: size - TAG_BYTES - 1 }), decipher, createGunzip(), async (plain: AsyncIterable<Buffer>) => {
      const decoder = new StringDecoder('utf8');
      let rest = '';
      for await (const chunk of plain) {
        const lines = (rest + decoder.write(chunk)).split('\n');
        rest = lines.pop()!;
        for (const line of lines) if (line) take(line);
      }
      rest += decoder.end();
      if (rest) take(rest);
    });
  } catch (error) {
    // A wrong key gives bytes gzip cannot read, or fails the tag at the end: the same answer either way.
    throw unreadable(error) ? new WrongPassphrase() : error;
  }
  if (!header) throw new WrongPassphrase();
  return { header, counts };
}
