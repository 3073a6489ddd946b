import { createHash, randomBytes } from 'node:crypto';

/** A secret for a link or cookie: 256 random bits, URL-safe (43 characters). */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** What is stored for a token: its SHA-256, so a copy of the database cannot be used to act as anyone. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('base64url');
