import 'server-only';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { db, type Queryable } from '@/db/client';
import { prepared } from '@/db/prepared';
import { customers, prices, walletBalances, wallets, type Wallet } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { authorize } from '@/lib/auth/permissions';
import { NotFoundError } from '@/lib/errors';
import { isCustomerIdShape } from '@/lib/ids';
import {
  CURRENCIES,
  isCurrencyCode,
  type CurrencyCode,
  type Network,
} from '@/lib/money/currencies';
import {
  formatTokenAmount,
  roundUsdHalfEven,
  sumUsd,
  usdValue,
  type ExactDecimal,
} from '@/lib/money/decimal';

export const customerNotFound = () =>
  new NotFoundError('customer_not_found', 'No customer with this id exists.');

/** A wallet as the API returns it. */
export function presentWallet(
  wallet: Pick<Wallet, 'id' | 'customerId' | 'network' | 'address' | 'createdAt'>,
) {
  return {
    id: wallet.id,
    customerId: wallet.customerId,
    network: wallet.network,
    address: wallet.address,
    createdAt: wallet.createdAt.toISOString(),
  };
}

export type WalletResource = ReturnType<typeof presentWallet>;

/**
 * The USD price of a balance line. The contract pins USDC and USDT at exactly 1.00 whatever
 * the price table says; a currency without a price counts as 0. Both the balances endpoint and
 * `customerUsdTotals` use this one expression, so `customer.balance` equals `totalBalance`.
 */
const usdPrice = sql<string>`case when ${walletBalances.currency} in ('USDC', 'USDT') then 1::numeric else coalesce(${prices.usdPrice}, 0) end`;

/** One query: the live customer (no row means 404) left-joined to its wallets. */
const selectCustomerWallets = prepared(() =>
  db
    .select({ customerId: customers.id, wallet: wallets })
    .from(customers)
    .leftJoin(wallets, eq(wallets.customerId, customers.id))
    .where(and(eq(customers.id, sql.placeholder('customerId')), isNull(customers.deletedAt)))
    .orderBy(asc(wallets.createdAt), asc(wallets.id))
    .prepare('select_customer_wallets'),
);

/** A customer's wallets, oldest first; 404 for malformed, unknown or deleted customers. */
export async function listWallets(actor: Actor, customerId: string): Promise<Wallet[]> {
  authorize(actor, 'customers:read');
  if (!isCustomerIdShape(customerId)) throw customerNotFound();
  const rows = await selectCustomerWallets().execute({ customerId });
  if (rows.length === 0) throw customerNotFound();
  return rows.flatMap((row) => (row.wallet ? [row.wallet] : []));
}

export type BalanceLine = {
  currency: CurrencyCode;
  amount: string;
  decimals: number;
  usdValue: string;
};
export type WalletBalances = {
  walletId: string;
  network: Network;
  address: string;
  balances: BalanceLine[];
};
export type CustomerBalances = {
  customerId: string;
  totalBalance: { amount: string; currency: 'USD' };
  asOf: string;
  wallets: WalletBalances[];
};

/**
 * One statement, so wallets, balances and prices come from one snapshot: the live customer
 * left-joined to every wallet, balance line and price.
 */
const selectCustomerBalances = prepared(() =>
  db
    .select({
      walletId: wallets.id,
      network: wallets.network,
      address: wallets.address,
      currency: walletBalances.currency,
      amount: walletBalances.amount,
      usdPrice,
    })
    .from(customers)
    .leftJoin(wallets, eq(wallets.customerId, customers.id))
    .leftJoin(walletBalances, eq(walletBalances.walletId, wallets.id))
    .leftJoin(prices, eq(prices.currency, walletBalances.currency))
    .where(and(eq(customers.id, sql.placeholder('customerId')), isNull(customers.deletedAt)))
    .orderBy(asc(wallets.createdAt), asc(wallets.id), asc(walletBalances.currency))
    .prepare('select_customer_balances'),
);

function decimalsOf(currency: string): { code: CurrencyCode; decimals: number } {
  // Only the ledger writes balances, and it accepts known currencies only.
  if (!isCurrencyCode(currency))
    throw new Error(`wallet_balances holds an unknown currency: ${currency}`);
  return { code: currency, decimals: CURRENCIES[currency].decimals };
}

/**
 * Every wallet with its balance lines, each valued in USD (rounded half-even per line for
 * display), and a total that is the exact sum of all lines rounded once.
 */
export async function getCustomerBalances(
  actor: Actor,
  customerId: string,
): Promise<CustomerBalances> {
  authorize(actor, 'customers:read');
  if (!isCustomerIdShape(customerId)) throw customerNotFound();
  const asOf = new Date().toISOString();
  const rows = await selectCustomerBalances().execute({ customerId });
  if (rows.length === 0) throw customerNotFound();

  const byWallet = new Map<string, WalletBalances>();
  const exactValues: ExactDecimal[] = [];
  for (const row of rows) {
    if (row.walletId === null || row.network === null || row.address === null) continue;
    let wallet = byWallet.get(row.walletId);
    if (!wallet) {
      wallet = { walletId: row.walletId, network: row.network, address: row.address, balances: [] };
      byWallet.set(row.walletId, wallet);
    }
    if (row.currency === null || row.amount === null) continue;
    const { code, decimals } = decimalsOf(row.currency);
    const exact = usdValue(row.amount, row.usdPrice);
    exactValues.push(exact);
    wallet.balances.push({
      currency: code,
      amount: formatTokenAmount(row.amount, decimals),
      decimals,
      usdValue: roundUsdHalfEven(exact),
    });
  }
  return {
    customerId,
    totalBalance: { amount: sumUsd(exactValues), currency: 'USD' },
    asOf,
    wallets: [...byWallet.values()],
  };
}

/**
 * The exact, unrounded USD total (numeric) of the customer on each selected `customers` row,
 * as a correlated subquery, so a page of customers comes back with its totals in one
 * statement; 0 without funds. The same sum and prices as `usdPrice`, written out in SQL
 * because Drizzle drops the table name from columns in a single-table select, which would
 * bind the outer `id` to the wallets here.
 */
export const customerUsdTotalSql = sql<string>`(
  select coalesce(sum(b.amount * case when b.currency in ('USDC', 'USDT') then 1::numeric
    else coalesce(p.usd_price, 0) end), 0)
  from wallets w
  join wallet_balances b on b.wallet_id = w.id
  left join prices p on p.currency = b.currency
  where w.customer_id = "customers"."id"
)`;

/** `customerUsdTotalSql` as a decimal string, for `roundUsdHalfEven`. */
export const customerUsdTotalColumn = sql<string>`${customerUsdTotalSql}::text`;

/**
 * The exact, unrounded USD total per customer (numeric strings computed in SQL), in one query
 * for any number of customers. Every requested id is in the map; without funds it is "0".
 * Round with `roundUsdHalfEven` for display: that gives the balances endpoint's total.
 */
export async function customerUsdTotals(
  queryable: Queryable,
  customerIds: string[],
): Promise<Map<string, string>> {
  const totals = new Map<string, string>(customerIds.map((id) => [id, '0']));
  if (customerIds.length === 0) return totals;
  const rows = await queryable
    .select({
      customerId: wallets.customerId,
      total: sql<string>`sum(${walletBalances.amount} * ${usdPrice})`,
    })
    .from(wallets)
    .innerJoin(walletBalances, eq(walletBalances.walletId, wallets.id))
    .leftJoin(prices, eq(prices.currency, walletBalances.currency))
    .where(inArray(wallets.customerId, [...new Set(customerIds)]))
    .groupBy(wallets.customerId);
  for (const row of rows) totals.set(row.customerId, String(row.total));
  return totals;
}
