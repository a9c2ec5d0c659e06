import 'server-only';
import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { customers, deletionRequests, walletBalances, wallets } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { authorize } from '@/lib/auth/permissions';
import { isCustomerIdShape } from '@/lib/ids';
import { CURRENCIES, isCurrencyCode, type Network } from '@/lib/money/currencies';
import { formatTokenAmount } from '@/lib/money/decimal';
import { customerNotFound } from './errors';

export type FundedBalance = {
  walletId: string;
  network: Network;
  currency: string;
  /** With the currency's full decimals, e.g. "0.000001". */
  amount: string;
};

/** What deleting a customer touches, and what stops it, for the delete dialog. */
export type DeletionImpact = {
  customerId: string;
  /** Wallets stay after the delete (addresses are kept under AML retention). */
  walletCount: number;
  /** Every non-zero balance, oldest wallet first. */
  fundedBalances: FundedBalance[];
  /** An open GDPR deletion request for this customer, if one was filed. */
  openDeletionRequest: { id: string; dueOn: string } | null;
  /** Why the delete is refused right now, or null when it may go ahead. */
  blockedReason: string | null;
};

/**
 * Read-only preview of deleteCustomer. Any non-zero amount blocks, however small, as it does
 * in deleteCustomer itself, which checks again under a lock: this preview can be outdated.
 */
export async function getDeletionImpact(actor: Actor, customerId: string): Promise<DeletionImpact> {
  authorize(actor, 'customers:delete');
  if (!isCustomerIdShape(customerId)) throw customerNotFound();
  const [customer] = await db
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.id, customerId), isNull(customers.deletedAt)));
  if (!customer) throw customerNotFound();

  const [walletTotals] = await db
    .select({ n: count() })
    .from(wallets)
    .where(eq(wallets.customerId, customerId));
  const balances = await db
    .select({
      walletId: wallets.id,
      network: wallets.network,
      currency: walletBalances.currency,
      amount: walletBalances.amount,
    })
    .from(walletBalances)
    .innerJoin(wallets, eq(wallets.id, walletBalances.walletId))
    .where(and(eq(wallets.customerId, customerId), sql`${walletBalances.amount} <> 0`))
    .orderBy(asc(wallets.createdAt), asc(wallets.id), asc(walletBalances.currency));
  const [request] = await db
    .select({ id: deletionRequests.id, dueOn: deletionRequests.dueOn })
    .from(deletionRequests)
    .where(and(eq(deletionRequests.customerId, customerId), eq(deletionRequests.status, 'open')))
    .orderBy(asc(deletionRequests.dueOn))
    .limit(1);

  const fundedBalances = balances.map((line) => ({
    ...line,
    amount: isCurrencyCode(line.currency)
      ? formatTokenAmount(line.amount, CURRENCIES[line.currency].decimals)
      : line.amount,
  }));
  return {
    customerId,
    walletCount: walletTotals?.n ?? 0,
    fundedBalances,
    openDeletionRequest: request ?? null,
    blockedReason:
      fundedBalances.length > 0
        ? `This customer still holds funds (${fundedBalances.length} non-zero ${
            fundedBalances.length === 1 ? 'balance' : 'balances'
          }). Transfer every balance out before deleting the customer.`
        : null,
  };
}
