import { customType, timestamp } from 'drizzle-orm/pg-core';

/**
 * Public ids (`cus_…`, `wal_…`) sort and compare byte-wise, as the API contract requires for
 * the keyset tie-break, and `LIKE 'cus_ab%'` can use the btree index: the "C" collation gives both.
 */
export const publicId = customType<{ data: string }>({
  dataType: () => 'text COLLATE "C"',
});

/** Exact decimal money: numeric in SQL, a string in TypeScript, never a JS float. */
export const money = customType<{ data: string }>({
  dataType: () => 'numeric',
});

export const createdAt = () =>
  timestamp('created_at', { withTimezone: true, precision: 3, mode: 'date' })
    .notNull()
    .defaultNow();
