import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { customers, ledgerEntries, walletBalances, wallets } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { authorize } from '@/lib/auth/permissions';
import type { RequestContext } from '@/lib/context';
import { ConflictError, NotFoundError, ValidationError, type FieldError } from '@/lib/errors';
import { isWalletIdShape } from '@/lib/ids';
import {
  CURRENCIES,
  currencyExistsOn,
  type CurrencyCode,
  type Network,
} from '@/lib/money/currencies';
import { ExactDecimal, formatTokenAmount, parseAmountInput } from '@/lib/money/decimal';
import { parseOrThrow } from '@/lib/validation';
import { sandboxMovementSchema } from '@/lib/wallets/schemas';
import { isSandbox } from './sandbox';

export type LedgerEntryKind = 'credit' | 'debit';

export type LedgerEntryResource = {
  id: string;
  object: 'ledger_entry';
  walletId: string;
  kind: LedgerEntryKind;
  currency: CurrencyCode;
  /** The amount moved, always positive; `kind` gives the direction. */
  amount: string;
  /** The wallet's balance in this currency after the movement. */
  balance: string;
  createdAt: string;
};

const walletNotFound = () =>
  new NotFoundError('wallet_not_found', 'No wallet with this id exists.');

type Movement = { currency: CurrencyCode; amount: string; decimals: number };

/** The body's shape first, then what depends on the wallet: the currency's network and decimals. */
function parseMovement(input: unknown, network: Network): Movement {
  const { currency, amount } = parseOrThrow(sandboxMovementSchema, input);
  const { decimals } = CURRENCIES[currency];
  const errors: FieldError[] = [];
  if (!currencyExistsOn(currency, network)) {
    errors.push({ field: 'currency', message: `${currency} does not exist on ${network}` });
  }
  const parsed = parseAmountInput(amount, decimals);
  if (!parsed.ok) errors.push({ field: 'amount', message: parsed.message });
  if (!parsed.ok || errors.length > 0) throw new ValidationError(errors);
  return { currency, amount: parsed.amount, decimals };
}

/**
 * Sandbox only: credits or debits test funds as one append-only ledger entry, and keeps the
 * stored balance equal to the sum of the entries.
 *
 * Locks, in this order, so concurrent movements and a delete serialise without deadlocks:
 * 1. the owning live customer, FOR NO KEY UPDATE. It conflicts with the delete's FOR UPDATE,
 *    so no funds arrive after the delete has checked the balances. It is stronger than FOR
 *    SHARE on purpose: this transaction updates `customers.has_funds`, and two movements that
 *    both held FOR SHARE and then updated the row would deadlock; it also makes `has_funds`
 *    exact, since movements on any wallet of one customer take turns.
 * 2. the balance row, FOR UPDATE (created first with a zero amount for a credit).
 */
export async function moveSandboxFunds(
  context: RequestContext,
  walletId: string,
  kind: LedgerEntryKind,
  input: unknown,
): Promise<LedgerEntryResource> {
  if (!isSandbox()) throw walletNotFound();
  authorize(context.actor, 'sandbox:move-funds');
  if (!isWalletIdShape(walletId)) throw walletNotFound();

  return db.transaction(async (tx) => {
    const [wallet] = await tx
      .select({ network: wallets.network, customerId: wallets.customerId })
      .from(wallets)
      .innerJoin(customers, eq(customers.id, wallets.customerId))
      .where(and(eq(wallets.id, walletId), isNull(customers.deletedAt)))
      .for('no key update', { of: customers });
    if (!wallet) throw walletNotFound();
    const { currency, amount, decimals } = parseMovement(input, wallet.network);

    const balanceRow = and(
      eq(walletBalances.walletId, walletId),
      eq(walletBalances.currency, currency),
    );
    if (kind === 'credit') {
      await tx.insert(walletBalances).values({ walletId, currency }).onConflictDoNothing();
    }
    const [balance] = await tx
      .select({ amount: walletBalances.amount })
      .from(walletBalances)
      .where(balanceRow)
      .for('update');
    if (kind === 'debit' && new ExactDecimal(balance?.amount ?? '0').lessThan(amount)) {
      throw new ConflictError(
        'insufficient_funds',
        `The wallet holds less ${currency} than the ${formatTokenAmount(amount, decimals)} to debit.`,
      );
    }

    const signedAmount = kind === 'debit' ? `-${amount}` : amount;
    const [entry] = await tx
      .insert(ledgerEntries)
      .values({ walletId, currency, kind, amount: signedAmount, requestId: context.requestId })
      .returning({ id: ledgerEntries.id, createdAt: ledgerEntries.createdAt });
    const [updated] = await tx
      .update(walletBalances)
      .set({
        amount: sql`${walletBalances.amount} + ${signedAmount}::numeric`,
        updatedAt: sql`now()`,
      })
      .where(balanceRow)
      .returning({ amount: walletBalances.amount });
    if (!entry || !updated)
      throw new Error(`Balance row of ${walletId} ${currency} vanished while locked`);

    // Only a change of the flag writes the row: an UPDATE that matches nothing leaves the
    // customer (and the per-status counts its trigger keeps) untouched.
    await tx.execute(sql`
      update customers set has_funds = funded.value
        from (select exists (
                select 1 from wallet_balances b join wallets w on w.id = b.wallet_id
                 where w.customer_id = ${wallet.customerId} and b.amount <> 0) as value) funded
       where customers.id = ${wallet.customerId} and customers.has_funds <> funded.value`);

    const formattedAmount = formatTokenAmount(amount, decimals);
    await recordAudit(tx, context, {
      action: kind === 'credit' ? 'sandbox.credited' : 'sandbox.debited',
      customerId: wallet.customerId,
      after: { walletId, currency, amount: formattedAmount },
    });
    return {
      id: `le_${entry.id}`,
      object: 'ledger_entry',
      walletId,
      kind,
      currency,
      amount: formattedAmount,
      balance: formatTokenAmount(updated.amount, decimals),
      createdAt: entry.createdAt.toISOString(),
    };
  });
}
