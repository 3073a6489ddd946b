import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * The identity archive's encryption: AES-256-GCM (authenticated: a wrong passphrase or a changed
 * byte is detected, never decrypted into rubbish) with a key from the passphrase by scrypt
 * (N 2^15, r 8, p 1: about 32 MB and a tenth of a second per guess). Both are in Node's standard
 * library, so the Authority can open the file with any language's standard tools.
 * File layout: "FVIA1" · salt (16) · IV (12) · tag (16) · gzip'd JSON, encrypted.
 */
const MAGIC = Buffer.from('FVIA1');
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
export const MIN_PASSPHRASE_LENGTH = 12;
export const ENCRYPTION_DESCRIPTION = 'AES-256-GCM; key = scrypt(passphrase, salt, N=32768, r=8, p=1, 32 bytes); file = "FVIA1" + salt(16) + iv(12) + tag(16) + ciphertext of gzip(JSON)';

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

export function encryptArchive(value: unknown, passphrase: string): Buffer {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(passphrase, salt), iv);
  const body = Buffer.concat([cipher.update(gzipSync(Buffer.from(JSON.stringify(value), 'utf8'))), cipher.final()]);
  return Buffer.concat([MAGIC, salt, iv, cipher.getAuthTag(), body]);
}

export function decryptArchive<T>(file: Buffer, passphrase: string): T {
  if (file.length < MAGIC.length + 44 || !file.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('This is not an identity archive');
  let offset = MAGIC.length;
  const take = (length: number) => file.subarray(offset, (offset += length));
  const salt = take(16);
  const iv = take(12);
  const tag = take(16);
  const decipher = createDecipheriv('aes-256-gcm', keyFor(passphrase, salt), iv);
  decipher.setAuthTag(tag);
  let plain: Buffer;
  try {
    plain = Buffer.concat([decipher.update(file.subarray(offset)), decipher.final()]);
  } catch {
    throw new WrongPassphrase();
  }
  return JSON.parse(gunzipSync(plain).toString('utf8')) as T;
}
