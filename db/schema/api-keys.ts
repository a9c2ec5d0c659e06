import { sql } from 'drizzle-orm';
import { index, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, publicId } from './columns';
import { staffUsers } from './auth';

export const apiKeyMode = pgEnum('api_key_mode', ['live', 'test']);

/** Only a SHA-256 hash of the secret is stored; `prefix` is what the console displays. */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: publicId('id').primaryKey(),
    name: text('name').notNull(),
    mode: apiKeyMode('mode').notNull(),
    prefix: text('prefix').notNull(),
    hash: text('hash').notNull().unique('api_keys_hash_key'),
    createdBy: text('created_by').references(() => staffUsers.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true, precision: 3 }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [
    index('api_keys_active_idx')
      .on(t.createdAt.desc())
      .where(sql`${t.revokedAt} is null`),
  ],
);

export type ApiKey = typeof apiKeys.$inferSelect;
