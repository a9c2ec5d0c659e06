import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { apiKeys } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { authorize } from '@/lib/auth/permissions';
import type { RequestContext } from '@/lib/context';
import { NotFoundError } from '@/lib/errors';
import { randomBase62 } from '@/lib/ids';
import { parseOrThrow } from '@/lib/validation';
import { API_KEYS_CHANNEL, forgetVerifiedApiKeys } from './authenticate';
import { apiKeyCreateSchema, type ApiKeyCreateInput } from './schemas';
import { displayPrefix, generateApiKeySecret, hashApiKeySecret } from './secret';

/** Creates a key and returns its secret: the only time anyone sees it (only a hash is kept). */
export async function createApiKey(context: RequestContext, input: ApiKeyCreateInput) {
  if (context.source !== 'cli') authorize(context.actor, 'api-keys:manage');
  const { name, mode } = parseOrThrow(apiKeyCreateSchema, input);
  const secret = generateApiKeySecret(mode);
  const key = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({
        id: `key_${randomBase62(18)}`,
        name,
        mode,
        prefix: displayPrefix(secret),
        hash: hashApiKeySecret(secret),
        createdBy:
          context.actor.kind === 'staff' && context.source !== 'cli' ? context.actor.id : null,
      })
      .returning();
    await recordAudit(tx, context, {
      action: 'api_key.created',
      after: { keyId: row!.id, name, mode },
    });
    return row!;
  });
  return { key, secret };
}

/**
 * Revokes a key. The NOTIFY, delivered on commit, makes every app instance forget the keys it
 * had verified, so the key stops working everywhere at once (see `authenticate.ts`).
 */
export async function revokeApiKey(context: RequestContext, keyId: string) {
  authorize(context.actor, 'api-keys:manage');
  const revoked = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiKeys.id, keyId), isNull(apiKeys.revokedAt)))
      .returning();
    if (!row) throw new NotFoundError('not_found', 'No active API key with this id.');
    await recordAudit(tx, context, { action: 'api_key.revoked', after: { keyId, name: row.name } });
    await tx.execute(sql`select pg_notify(${API_KEYS_CHANNEL}, ${keyId})`);
    return row;
  });
  forgetVerifiedApiKeys();
  return revoked;
}
