import 'server-only';
import { createCipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { authSecret } from '@/lib/auth/secret';

/**
 * KYC share tokens are stored encrypted (AES-256-GCM, key derived from the app secret) and
 * never returned or logged; only the KYC provider integration would ever decrypt them.
 */
function key(): Buffer {
  return Buffer.from(hkdfSync('sha256', authSecret(), 'customer-console', 'kyc-share-token', 32));
}

export function encryptShareToken(token: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(), iv);
  const ciphertext = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), ciphertext]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}
