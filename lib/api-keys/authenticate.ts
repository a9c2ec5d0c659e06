import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { db, databaseHandle } from '@/db/client';
import { prepared } from '@/db/prepared';
import { apiKeys } from '@/db/schema';
import type { ApiKeyActor } from '@/lib/auth/actor';
import { UnauthorizedError } from '@/lib/errors';
import { API_KEY_SHAPE, hashApiKeySecret } from './secret';

/** Revoking a key NOTIFYs this channel; every instance then forgets the keys it knows. */
export const API_KEYS_CHANNEL = 'api_keys_changed';

/** Last use is written at most once a minute per key, so reads stay free of writes. */
const LAST_USED_RESOLUTION_MS = 60_000;
/** How long a verified key is trusted without asking the database (revocation clears it). */
const KEY_CACHE_TTL_MS = 60_000;
const KEY_CACHE_MAX_ENTRIES = 10_000;

/**
 * Verified keys by hash, so a call does not pay a query to check its key. Correct across
 * instances because revocation NOTIFYs `API_KEYS_CHANNEL` and every instance LISTENs: a
 * notification, or losing the listening connection, empties the cache, and while not
 * listening nothing is cached. `generation` changes with every such event, so a lookup that
 * started before a revocation never stores its (now stale) answer. Kept on globalThis: Next
 * loads this module once per bundle, and a revocation in a server action must reach the
 * cache the route handlers read.
 */
type KeyCache = {
  entries: Map<string, { actor: ApiKeyActor; expiresAt: number }>;
  lastUseWritten: Map<string, number>;
  generation: number;
  live: boolean;
  subscribed: boolean;
};
const holder = globalThis as typeof globalThis & { __customerConsoleApiKeys?: KeyCache };
const cache = (holder.__customerConsoleApiKeys ??= {
  entries: new Map(),
  lastUseWritten: new Map(),
  generation: 0,
  live: false,
  subscribed: false,
});

/** Forgets every verified key on this instance; a revocation calls it after committing. */
export function forgetVerifiedApiKeys() {
  cache.entries.clear();
  cache.generation += 1;
}

/** Whether keys are being cached (listening for revocations) and how many are. */
export function verifiedApiKeyCache(): { live: boolean; size: number } {
  return { live: cache.live, size: cache.entries.size };
}

function subscribe() {
  if (cache.subscribed) return;
  cache.subscribed = true;
  databaseHandle().listen(API_KEYS_CHANNEL, {
    onNotify: forgetVerifiedApiKeys,
    onLive: (live) => {
      forgetVerifiedApiKeys();
      cache.live = live;
    },
  });
}

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
  const hash = hashApiKeySecret(secret);
  const now = Date.now();
  const cached = cache.entries.get(hash);
  if (cached && cached.expiresAt > now && cache.live) {
    noteLastUse(cached.actor.id, now);
    return cached.actor;
  }

  subscribe();
  const generation = cache.generation;
  const [key] = await findActiveKey().execute({ hash });
  if (!key) throw new UnauthorizedError('The API key is not valid or has been revoked.');
  const actor: ApiKeyActor = { kind: 'api_key', id: key.id, name: key.name, mode: key.mode };
  if (cache.live && cache.generation === generation) {
    if (cache.entries.size >= KEY_CACHE_MAX_ENTRIES) cache.entries.clear();
    cache.entries.set(hash, { actor, expiresAt: now + KEY_CACHE_TTL_MS });
  }
  noteLastUse(key.id, now);
  return actor;
}

function noteLastUse(keyId: string, now: number) {
  if (now - (cache.lastUseWritten.get(keyId) ?? 0) < LAST_USED_RESOLUTION_MS) return;
  cache.lastUseWritten.set(keyId, now);
  db.update(apiKeys)
    .set({ lastUsedAt: new Date(now) })
    .where(eq(apiKeys.id, keyId))
    .catch((error: unknown) => console.error(`recording API key use failed: ${String(error)}`));
}
