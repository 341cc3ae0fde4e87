// LiveKit-style ids: a type prefix (RM, PA, TR) and random base62 characters; the client checks the prefixes.
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function newSid(prefix: 'RM' | 'PA' | 'TR'): string {
  const bytes = randomBytes(12);
  let out = `${prefix}_`;
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return out;
}
