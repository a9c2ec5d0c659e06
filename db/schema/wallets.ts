import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, money, publicId } from './columns';
import { customers } from './customers';

export const network = pgEnum('network', [
  'ethereum',
  'base',
  'polygon',
  'arbitrum',
  'optimism',
  'solana',
  'tron',
]);

/** Wallets outlive an erased customer: addresses are kept under AML retention. */
export const wallets = pgTable(
  'wallets',
  {
    id: publicId('id').primaryKey(),
    customerId: publicId('customer_id')
      .notNull()
      .references(() => customers.id),
    network: network('network').notNull(),
    address: text('address').notNull().unique('wallets_address_key'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('wallets_customer_network_key').on(t.customerId, t.network)],
);

/**
 * The stored balance per wallet and currency. Changed only by the ledger, under a row lock,
 * in the same transaction as the entry; always equal to the sum of that wallet's entries.
 */
export const walletBalances = pgTable(
  'wallet_balances',
  {
    walletId: publicId('wallet_id')
      .notNull()
      .references(() => wallets.id),
    currency: text('currency').notNull(),
    amount: money('amount').notNull().default('0'),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.walletId, t.currency] }),
    check('wallet_balances_not_negative', sql`${t.amount} >= 0`),
  ],
);

export const ledgerEntryKind = pgEnum('ledger_entry_kind', ['credit', 'debit']);

/** Append-only (a trigger refuses UPDATE and DELETE). `amount` is signed: debits are negative. */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    walletId: publicId('wallet_id')
      .notNull()
      .references(() => wallets.id),
    currency: text('currency').notNull(),
    kind: ledgerEntryKind('kind').notNull(),
    amount: money('amount').notNull(),
    requestId: text('request_id'),
    createdAt: createdAt(),
  },
  (t) => [
    index('ledger_entries_wallet_idx').on(t.walletId, t.currency, t.id),
    check(
      'ledger_entries_sign',
      sql`(${t.kind} = 'credit') = (${t.amount} > 0) and ${t.amount} <> 0`,
    ),
  ],
);

/** USD price per currency, with the time it was observed. */
export const prices = pgTable('prices', {
  currency: text('currency').primaryKey(),
  decimals: smallint('decimals').notNull(),
  usdPrice: money('usd_price').notNull(),
  asOf: timestamp('as_of', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

export type Wallet = typeof wallets.$inferSelect;
export type WalletBalance = typeof walletBalances.$inferSelect;
export type LedgerEntry = typeof ledgerEntries.$inferSelect;
export type Price = typeof prices.$inferSelect;
