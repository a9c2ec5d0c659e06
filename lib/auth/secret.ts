import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { embeddedDataDir, isInMemory } from '@/db/embedded';

let inMemorySecret: string | undefined;

/**
 * The secret that signs session cookies and encrypts KYC share tokens. Production sets
 * BETTER_AUTH_SECRET; the embedded database keeps a generated one beside its data, so a
 * fresh clone needs no configuration and sessions survive a restart.
 */
export function authSecret(): string {
  const configured = process.env.BETTER_AUTH_SECRET;
  if (configured) {
    if (configured.length < 32)
      throw new Error('BETTER_AUTH_SECRET must be at least 32 characters');
    return configured;
  }
  if (process.env.DATABASE_URL) {
    if (process.env.NODE_ENV === 'production') {
      throw new Error('Set BETTER_AUTH_SECRET (32+ random characters) when using DATABASE_URL');
    }
    return 'development-only-secret-do-not-use-in-production';
  }
  const dir = embeddedDataDir();
  if (isInMemory(dir)) return (inMemorySecret ??= randomBytes(32).toString('base64url'));
  const file = path.join(dir, '.auth-secret');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 });
  }
  return fs.readFileSync(file, 'utf8').trim();
}
