import { createHash } from 'node:crypto';
import { randomBase62 } from '@/lib/ids';

export const API_KEY_SHAPE = /^sk_(live|test)_[A-Za-z0-9]{32}$/;

export function generateApiKeySecret(mode: 'live' | 'test'): string {
  return `sk_${mode}_${randomBase62(32)}`;
}

/** Secrets carry 190 bits of randomness, so a fast hash is safe and keeps every request cheap. */
export function hashApiKeySecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** What the console shows to tell keys apart: `sk_test_AbCd…wxyz`. */
export function displayPrefix(secret: string): string {
  return `${secret.slice(0, 12)}…${secret.slice(-4)}`;
}
