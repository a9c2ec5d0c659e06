import { integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { publicId } from './columns';
import { apiKeys } from './api-keys';

/**
 * One row per (API key, Idempotency-Key). The row is inserted before the work starts
 * (`response_status` null = in flight) so concurrent retries see it and wait or get 409.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    apiKeyId: publicId('api_key_id')
      .notNull()
      .references(() => apiKeys.id),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    responseStatus: integer('response_status'),
    responseHeaders: jsonb('response_headers').$type<Record<string, string>>(),
    responseBody: text('response_body'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.apiKeyId, t.key] })],
);
