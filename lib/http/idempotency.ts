import 'server-only';
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { idempotencyKeys } from '@/db/schema';
import { ConflictError, DomainError, ValidationError } from '@/lib/errors';

const RETENTION = sql`interval '24 hours'`;
/** A first request that has not finished after this long is taken to have died. */
const ABANDONED_AFTER = sql`interval '60 seconds'`;
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

export type StoredResponse = { status: number; headers: Record<string, string>; body: string };

export type IdempotencyClaim =
  | {
      kind: 'claimed';
      complete: (response: StoredResponse) => Promise<void>;
      release: () => Promise<void>;
    }
  | { kind: 'replay'; response: StoredResponse };

export function readIdempotencyKey(headers: Headers): string | null {
  const key = headers.get('idempotency-key');
  if (key === null) return null;
  if (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw new ValidationError([
      { field: 'Idempotency-Key', message: `Must be 1–${MAX_IDEMPOTENCY_KEY_LENGTH} characters` },
    ]);
  }
  return key;
}

/** The same request means the same method, path and JSON body (key order and spacing aside). */
export function fingerprintRequest(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${path}\n${canonicalJson(body)}`)
    .digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Claims an Idempotency-Key in PostgreSQL before the work starts. The primary key makes the
 * claim atomic across requests and instances: of twenty simultaneous retries one does the
 * work, the others get 409 while it runs and the stored response after.
 */
export async function claimIdempotencyKey(
  apiKeyId: string,
  key: string,
  requestHash: string,
): Promise<IdempotencyClaim> {
  const where = and(eq(idempotencyKeys.apiKeyId, apiKeyId), eq(idempotencyKeys.key, key));
  const claimed: IdempotencyClaim = {
    kind: 'claimed',
    complete: async (response) => {
      await db
        .update(idempotencyKeys)
        .set({
          responseStatus: response.status,
          responseHeaders: response.headers,
          responseBody: response.body,
        })
        .where(where);
    },
    release: async () => {
      await db.execute(
        sql`delete from idempotency_keys where api_key_id = ${apiKeyId} and key = ${key} and response_status is null`,
      );
    },
  };

  for (let attempt = 0; attempt < 3; attempt++) {
    const inserted = await db
      .insert(idempotencyKeys)
      .values({ apiKeyId, key, requestHash, expiresAt: sql`now() + ${RETENTION}` })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (inserted.length) return claimed;

    const takenOver = await db.execute<{ key: string }>(sql`
      update idempotency_keys
         set request_hash = ${requestHash}, response_status = null, response_headers = null,
             response_body = null, created_at = now(), expires_at = now() + ${RETENTION}
       where api_key_id = ${apiKeyId} and key = ${key}
         and (expires_at < now() or (response_status is null and created_at < now() - ${ABANDONED_AFTER}))
      returning key`);
    if (takenOver.rows.length) return claimed;

    const [existing] = await db.select().from(idempotencyKeys).where(where);
    if (!existing) continue;
    if (existing.requestHash !== requestHash) {
      throw new DomainError(
        'idempotency_key_reused',
        422,
        'Idempotency key reused',
        'This Idempotency-Key was used with a different request; use a new key for a new request.',
      );
    }
    if (existing.responseStatus === null) {
      throw new ConflictError(
        'idempotency_key_in_use',
        'A request with this Idempotency-Key is still being processed; retry in a moment.',
      );
    }
    return {
      kind: 'replay',
      response: {
        status: existing.responseStatus,
        headers: existing.responseHeaders ?? {},
        body: existing.responseBody ?? '',
      },
    };
  }
  throw new ConflictError(
    'idempotency_key_in_use',
    'This Idempotency-Key is busy; retry in a moment.',
  );
}

/** Housekeeping for a scheduled job or start-up: expired keys are never replayed anyway. */
export async function deleteExpiredIdempotencyKeys(): Promise<void> {
  await db.execute(sql`delete from idempotency_keys where expires_at < now()`);
}
