import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  smallint,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { CUSTOMER_STATUSES, CUSTOMER_TYPES } from '@/lib/customers/constants';
import { createdAt, publicId } from './columns';

export const customerType = pgEnum('customer_type', CUSTOMER_TYPES);
export const customerStatus = pgEnum('customer_status', CUSTOMER_STATUSES);

export type ResidentialAddress = {
  streetLine1: string;
  streetLine2?: string | null;
  city: string;
  state: string;
  postalCode: string;
  country: string;
};
export type CustomerMetadata = Record<string, string | number | boolean>;

/**
 * Live customers and tombstones in one table: deletion erases every personal column and sets
 * `deleted_at`, keeping only id, type and the times, so ledgers and audit events stay joined.
 * Uniqueness and every list index only cover live rows.
 */
export const customers = pgTable(
  'customers',
  {
    id: publicId('id').primaryKey(),
    type: customerType('type').notNull(),
    status: customerStatus('status').notNull().default('not_started'),
    externalId: text('external_id'),
    firstName: text('first_name'),
    middleName: text('middle_name'),
    lastName: text('last_name'),
    legalName: text('legal_name'),
    website: text('website'),
    email: text('email'),
    phone: text('phone'),
    birthDate: date('birth_date', { mode: 'string' }),
    country: text('country'),
    residentialAddress: jsonb('residential_address').$type<ResidentialAddress>(),
    metadata: jsonb('metadata').$type<CustomerMetadata>().notNull().default({}),
    kycProvider: text('kyc_provider'),
    /** AES-256-GCM ciphertext of the SumSub share token; the token itself is never returned. */
    kycShareTokenEncrypted: text('kyc_share_token_encrypted'),
    kycShareTokenReceivedAt: timestamp('kyc_share_token_received_at', {
      withTimezone: true,
      precision: 3,
    }),
    /** Set by the ledger when any wallet balance becomes non-zero (or all become zero). */
    hasFunds: boolean('has_funds').notNull().default(false),
    /** Optimistic concurrency: bumped by every update, exposed as the ETag. */
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true, precision: 3 }),
    /** Lower-cased names, email, phone and external id, one space apart: what `q` searches by substring (trigram index). */
    searchText: text('search_text').generatedAlwaysAs(
      sql`lower(coalesce(first_name || ' ', '') || coalesce(middle_name || ' ', '') || coalesce(last_name || ' ', '') || coalesce(legal_name || ' ', '') || coalesce(email || ' ', '') || coalesce(phone || ' ', '') || coalesce(external_id, ''))`,
    ),
    /** Lower-cased display name (legal name, or first and last name): the console's name sort. */
    sortName: text('sort_name').generatedAlwaysAs(
      sql`lower(coalesce(legal_name, nullif(trim(coalesce(first_name, '') || ' ' || coalesce(last_name, '')), ''), ''))`,
    ),
  },
  (t) => [
    uniqueIndex('customers_email_live_key')
      .on(sql`lower(${t.email})`)
      .where(sql`${t.deletedAt} is null`),
    index('customers_phone_live_idx')
      .on(t.phone)
      .where(sql`${t.deletedAt} is null`),
    uniqueIndex('customers_external_id_live_key')
      .on(t.externalId)
      .where(sql`${t.deletedAt} is null`),
    index('customers_live_created_idx')
      .on(t.createdAt.desc(), t.id.desc())
      .where(sql`${t.deletedAt} is null`),
    index('customers_live_type_status_created_idx')
      .on(t.type, t.status, t.createdAt.desc(), t.id.desc())
      .where(sql`${t.deletedAt} is null`),
    index('customers_live_status_created_idx')
      .on(t.status, t.createdAt.desc(), t.id.desc())
      .where(sql`${t.deletedAt} is null`),
    index('customers_live_funded_created_idx')
      .on(t.createdAt.desc(), t.id.desc())
      .where(sql`${t.deletedAt} is null and ${t.hasFunds}`),
    index('customers_live_sort_name_idx')
      .on(t.sortName, t.id)
      .where(sql`${t.deletedAt} is null`),
    index('customers_search_trgm_idx')
      .using('gin', sql`${t.searchText} gin_trgm_ops`)
      .where(sql`${t.deletedAt} is null`),
    check('customers_country_alpha2', sql`${t.country} ~ '^[A-Z]{2}$'`),
  ],
);

/**
 * Exact live-customer totals per type and status, kept by a statement-level trigger in the
 * same transaction as every write, so a filtered `totalCount` at a million rows is a lookup.
 */
export const customerCounts = pgTable(
  'customer_counts',
  {
    type: customerType('type').notNull(),
    status: customerStatus('status').notNull(),
    /**
     * Concurrent writers add to different rows (the trigger picks one by backend), so
     * inserts of the same type and status do not queue on one row lock until commit.
     * The total of a (type, status) is the sum over its shards.
     */
    shard: smallint('shard').notNull().default(0),
    count: bigint('count', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.type, t.status, t.shard] })],
);

export const kycDecision = pgEnum('kyc_decision', ['approve', 'reject', 'request_more']);

export const kycDecisions = pgTable(
  'kyc_decisions',
  {
    id: publicId('id').primaryKey(),
    customerId: publicId('customer_id')
      .notNull()
      .references(() => customers.id),
    decision: kycDecision('decision').notNull(),
    fromStatus: customerStatus('from_status').notNull(),
    toStatus: customerStatus('to_status').notNull(),
    reason: text('reason').notNull(),
    decidedBy: text('decided_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('kyc_decisions_customer_idx').on(t.customerId, t.createdAt.desc())],
);

export type Customer = typeof customers.$inferSelect;
export type NewCustomer = typeof customers.$inferInsert;
