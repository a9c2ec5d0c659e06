import 'server-only';
import { desc, eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { apiKeys, staffUsers } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { authorize } from '@/lib/auth/permissions';

export type ApiKeyListItem = {
  id: string;
  name: string;
  mode: 'live' | 'test';
  prefix: string;
  /** Null for keys made from the command line, or when the creator was removed. */
  createdByName: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  status: 'active' | 'revoked';
};

/** Every key, active ones first, newest first; never the hash. */
export async function listApiKeys(actor: Actor): Promise<ApiKeyListItem[]> {
  authorize(actor, 'api-keys:manage');
  const rows = await db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      mode: apiKeys.mode,
      prefix: apiKeys.prefix,
      createdByName: staffUsers.name,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .leftJoin(staffUsers, eq(staffUsers.id, apiKeys.createdBy))
    .orderBy(sql`${apiKeys.revokedAt} is not null`, desc(apiKeys.createdAt), desc(apiKeys.id));
  return rows.map((row) => ({ ...row, status: row.revokedAt ? 'revoked' : 'active' }));
}
