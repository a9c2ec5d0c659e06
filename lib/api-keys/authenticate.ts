import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { prepared } from '@/db/prepared';
import { apiKeys } from '@/db/schema';
import type { ApiKeyActor } from '@/lib/auth/actor';
import { UnauthorizedError } from '@/lib/errors';
import { API_KEY_SHAPE, hashApiKeySecret } from './secret';

/** Last use is written at most once a minute per key, so reads stay free of writes. */
const LAST_USED_RESOLUTION_MS = 60_000;
const lastUseWritten = new Map<string, number>();

const findActiveKey = prepared(() =>
  db
    .select({ id: apiKeys.id, name: apiKeys.name, mode: apiKeys.mode })
    .from(apiKeys)
    .where(and(eq(apiKeys.hash, sql.placeholder('hash')), isNull(apiKeys.revokedAt)))
    .prepare('find_active_api_key'),
);

export function apiKeyFromHeaders(headers: Headers): string | null {
  const direct = headers.get('x-api-key');
  if (direct) return direct.trim();
  const authorization = headers.get('authorization');
  const match = authorization?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1] ?? null;
}

/** The API key calling, or 401: missing, malformed, unknown and revoked keys look the same. */
export async function authenticateApiKey(headers: Headers): Promise<ApiKeyActor> {
  const secret = apiKeyFromHeaders(headers);
  if (!secret) throw new UnauthorizedError('Send your API key in the X-API-Key header.');
  if (!API_KEY_SHAPE.test(secret)) throw new UnauthorizedError('The API key is not valid.');
  const [key] = await findActiveKey().execute({ hash: hashApiKeySecret(secret) });
  if (!key) throw new UnauthorizedError('The API key is not valid or has been revoked.');
  noteLastUse(key.id);
  return { kind: 'api_key', id: key.id, name: key.name, mode: key.mode };
}

function noteLastUse(keyId: string) {
  const now = Date.now();
  if (now - (lastUseWritten.get(keyId) ?? 0) < LAST_USED_RESOLUTION_MS) return;
  lastUseWritten.set(keyId, now);
  db.update(apiKeys)
    .set({ lastUsedAt: new Date(now) })
    .where(eq(apiKeys.id, keyId))
    .catch((error: unknown) => console.error(`recording API key use failed: ${String(error)}`));
}
