import { and, eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditEvents, customers, walletBalances, wallets } from '@/db/schema';
import type { ApiKeyActor, StaffActor } from '@/lib/auth/actor';
import type { RequestContext } from '@/lib/context';
import { ForbiddenError } from '@/lib/errors';
import { newCustomerId, newWalletId } from '@/lib/ids';
import type { Network } from '@/lib/money/currencies';
import { ExactDecimal } from '@/lib/money/decimal';
import { generateAddress } from '@/lib/wallets/addresses';
import { moveSandboxFunds } from './commands';

const actor: ApiKeyActor = { kind: 'api_key', id: 'key_test', name: 'test', mode: 'test' };
const context: RequestContext = { actor, requestId: 'req_test0001', source: 'api' };
const viewer: StaffActor = {
  kind: 'staff',
  id: 'staff_viewer',
  role: 'viewer',
  name: 'V',
  email: 'v@example.com',
};
const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const credit = (walletId: string, input: unknown) =>
  moveSandboxFunds(context, walletId, 'credit', input);
const debit = (walletId: string, input: unknown) =>
  moveSandboxFunds(context, walletId, 'debit', input);

async function insertWallet(network: Network = 'polygon') {
  const customerId = newCustomerId('individual');
  await db.insert(customers).values({ id: customerId, type: 'individual' });
  const walletId = newWalletId();
  await db
    .insert(wallets)
    .values({ id: walletId, customerId, network, address: generateAddress(network) });
  return { customerId, walletId };
}

async function addWallet(customerId: string, network: Network) {
  const walletId = newWalletId();
  await db
    .insert(wallets)
    .values({ id: walletId, customerId, network, address: generateAddress(network) });
  return walletId;
}

/** The stored balance and the sum of the ledger, both straight from SQL. */
async function balanceAndLedger(walletId: string, currency: string) {
  const result = await db.execute<{ balance: string | null; ledger: string; entries: number }>(sql`
    select (select amount::text from wallet_balances where wallet_id = ${walletId} and currency = ${currency}) as balance,
           (select coalesce(sum(amount), 0)::text from ledger_entries where wallet_id = ${walletId} and currency = ${currency}) as ledger,
           (select count(*)::int from ledger_entries where wallet_id = ${walletId}) as entries`);
  const row = result.rows[0]!;
  return { balance: row.balance, ledger: row.ledger, entries: row.entries };
}

async function hasFunds(customerId: string) {
  const [row] = await db
    .select({ hasFunds: customers.hasFunds })
    .from(customers)
    .where(eq(customers.id, customerId));
  return row?.hasFunds;
}

async function auditCount(customerId: string) {
  const result = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from audit_events where customer_id = ${customerId}`,
  );
  return result.rows[0]?.n;
}

const expectSameAmount = (actual: string | null, expected: string) =>
  expect(new ExactDecimal(actual ?? 'NaN').equals(expected), `${actual} = ${expected}`).toBe(true);

afterEach(() => {
  process.env.SANDBOX = 'true';
});

describe('moveSandboxFunds', () => {
  it('credits and debits through the ledger, keeping the balance equal to the sum of entries', async () => {
    const { customerId, walletId } = await insertWallet();

    const credited = await credit(walletId, { currency: 'USDC', amount: '100.5' });
    expect(credited).toEqual({
      id: expect.stringMatching(/^le_\d+$/),
      object: 'ledger_entry',
      walletId,
      kind: 'credit',
      currency: 'USDC',
      amount: '100.500000',
      balance: '100.500000',
      createdAt: expect.stringMatching(ISO_MS),
    });
    expect(await hasFunds(customerId)).toBe(true);

    const debited = await debit(walletId, { currency: 'USDC', amount: '0.000001' });
    expect(debited).toMatchObject({ kind: 'debit', amount: '0.000001', balance: '100.499999' });
    expect(debited.id).not.toBe(credited.id);

    const state = await balanceAndLedger(walletId, 'USDC');
    expectSameAmount(state.balance, '100.499999');
    expectSameAmount(state.ledger, '100.499999');
    expect(state.entries).toBe(2);
    const signs = await db.execute<{ kind: string; amount: string }>(
      sql`select kind, amount::text from ledger_entries where wallet_id = ${walletId} order by id`,
    );
    expect(signs.rows.map((row) => [row.kind, new ExactDecimal(row.amount).toFixed()])).toEqual([
      ['credit', '100.5'],
      ['debit', '-0.000001'],
    ]);
  });

  it('clears has_funds only when every balance of every wallet of the customer is zero', async () => {
    const { customerId, walletId } = await insertWallet('ethereum');
    const other = await addWallet(customerId, 'solana');
    await credit(walletId, { currency: 'ETH', amount: '0.000000000000000001' });
    await credit(other, { currency: 'SOL', amount: '1' });
    await debit(walletId, { currency: 'ETH', amount: '0.000000000000000001' });
    expect(await hasFunds(customerId)).toBe(true);
    const emptied = await debit(other, { currency: 'SOL', amount: '1' });
    expect(emptied.balance).toBe('0.000000000');
    expect(await hasFunds(customerId)).toBe(false);
  });

  it('refuses a debit beyond the balance with 409 insufficient_funds and writes nothing', async () => {
    const { customerId, walletId } = await insertWallet();
    await credit(walletId, { currency: 'USDT', amount: '5' });
    const audits = await auditCount(customerId);

    await expect(debit(walletId, { currency: 'USDT', amount: '5.000001' })).rejects.toMatchObject({
      status: 409,
      code: 'insufficient_funds',
    });
    const state = await balanceAndLedger(walletId, 'USDT');
    expectSameAmount(state.balance, '5');
    expect(state.entries).toBe(1);
    expect(await auditCount(customerId)).toBe(audits);
  });

  it('refuses a debit of a currency the wallet never held with 409, creating no balance row', async () => {
    const { walletId } = await insertWallet();
    await expect(debit(walletId, { currency: 'USDC', amount: '1' })).rejects.toMatchObject({
      status: 409,
      code: 'insufficient_funds',
    });
    expect(await balanceAndLedger(walletId, 'USDC')).toEqual({
      balance: null,
      ledger: '0',
      entries: 0,
    });
  });

  it('debits the whole balance down to exactly zero', async () => {
    const { walletId } = await insertWallet('tron');
    await credit(walletId, { currency: 'TRX', amount: '12.345678' });
    const result = await debit(walletId, { currency: 'TRX', amount: '12.345678' });
    expect(result.balance).toBe('0.000000');
  });

  it.each([
    ['too many decimals for USDC', { currency: 'USDC', amount: '1.1234567' }, 'amount'],
    ['trailing zeros beyond the decimals', { currency: 'USDC', amount: '1.1000000' }, 'amount'],
    ['zero', { currency: 'USDC', amount: '0' }, 'amount'],
    ['zero with decimals', { currency: 'USDC', amount: '0.000000' }, 'amount'],
    ['a negative amount', { currency: 'USDC', amount: '-1' }, 'amount'],
    ['an exponent', { currency: 'USDC', amount: '1e3' }, 'amount'],
    ['an empty string', { currency: 'USDC', amount: '' }, 'amount'],
    ['a JSON number', { currency: 'USDC', amount: 100 }, 'amount'],
    ['a missing amount', { currency: 'USDC' }, 'amount'],
    ['a leading dot', { currency: 'USDC', amount: '.5' }, 'amount'],
    ['whitespace', { currency: 'USDC', amount: ' 1' }, 'amount'],
    ['a currency absent from the network', { currency: 'ETH', amount: '1' }, 'currency'],
    ['an unknown currency', { currency: 'XYZ', amount: '1' }, 'currency'],
    ['a lower-case currency', { currency: 'usdc', amount: '1' }, 'currency'],
    ['an unknown field', { currency: 'USDC', amount: '1', memo: 'x' }, 'memo'],
  ])('refuses %s with a 400 naming the field', async (_label, input, field) => {
    const { walletId } = await insertWallet('solana');
    const error = await credit(walletId, input).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 400, code: 'validation_failed' });
    expect((error as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual([field]);
    expect((await balanceAndLedger(walletId, 'USDC')).entries).toBe(0);
  });

  it('names both fields when the currency is not on the network and the amount is too fine for it', async () => {
    const { walletId } = await insertWallet('solana');
    const error = await credit(walletId, { currency: 'TRX', amount: '1.1234567' }).catch(
      (caught: unknown) => caught,
    );
    expect((error as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual([
      'currency',
      'amount',
    ]);
  });

  it('accepts exactly the currency’s decimals, 18 for ETH and 9 for SOL', async () => {
    const { walletId } = await insertWallet('base');
    expect(
      (await credit(walletId, { currency: 'ETH', amount: '1.123456789012345678' })).balance,
    ).toBe('1.123456789012345678');
    const solana = await insertWallet('solana');
    expect((await credit(solana.walletId, { currency: 'SOL', amount: '0.000000001' })).amount).toBe(
      '0.000000001',
    );
  });

  it('applies 20 concurrent credits exactly, with no update lost', async () => {
    const { walletId } = await insertWallet();
    const amounts = [
      '0.000001',
      '1.5',
      ...Array.from({ length: 18 }, (_, i) => `${i}.${String(i + 1).padStart(6, '0')}`),
    ];
    const results = await Promise.all(
      amounts.map((amount) => credit(walletId, { currency: 'USDC', amount })),
    );
    const expected = amounts.reduce((sum, amount) => sum.plus(amount), new ExactDecimal(0));

    const state = await balanceAndLedger(walletId, 'USDC');
    expectSameAmount(state.balance, expected.toFixed());
    expectSameAmount(state.ledger, expected.toFixed());
    expect(state.entries).toBe(20);
    // Each response shows the balance right after its own entry; the largest is the final one.
    const finals = results.map((result) => new ExactDecimal(result.balance));
    expect(ExactDecimal.max(...finals).equals(expected)).toBe(true);
    expect(new Set(results.map((result) => result.balance)).size).toBe(20);
  });

  it('never goes below zero under concurrent debits', async () => {
    const { customerId, walletId } = await insertWallet();
    await credit(walletId, { currency: 'USDC', amount: '10' });
    const results = await Promise.allSettled(
      Array.from({ length: 15 }, () => debit(walletId, { currency: 'USDC', amount: '1' })),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(10);
    for (const result of results) {
      if (result.status === 'rejected')
        expect(result.reason).toMatchObject({ code: 'insufficient_funds' });
    }
    const state = await balanceAndLedger(walletId, 'USDC');
    expectSameAmount(state.balance, '0');
    expectSameAmount(state.ledger, '0');
    expect(await hasFunds(customerId)).toBe(false);
  });

  it('records sandbox.credited and sandbox.debited audit events', async () => {
    const { customerId, walletId } = await insertWallet();
    await credit(walletId, { currency: 'USDC', amount: '2' });
    await debit(walletId, { currency: 'USDC', amount: '0.5' });
    const events = await db
      .select({
        action: auditEvents.action,
        after: auditEvents.after,
        requestId: auditEvents.requestId,
      })
      .from(auditEvents)
      .where(eq(auditEvents.customerId, customerId))
      .orderBy(auditEvents.id);
    expect(events).toEqual([
      {
        action: 'sandbox.credited',
        requestId: 'req_test0001',
        after: { walletId, currency: 'USDC', amount: '2.000000' },
      },
      {
        action: 'sandbox.debited',
        requestId: 'req_test0001',
        after: { walletId, currency: 'USDC', amount: '0.500000' },
      },
    ]);
  });

  it('answers wallet_not_found for malformed and unknown wallets', async () => {
    for (const walletId of ['wal_', 'cus_abc', 'wal_unknown00000000001']) {
      await expect(credit(walletId, { currency: 'USDC', amount: '1' })).rejects.toMatchObject({
        status: 404,
        code: 'wallet_not_found',
      });
    }
  });

  it('answers wallet_not_found when the wallet’s customer is deleted, even with a bad body', async () => {
    const { customerId, walletId } = await insertWallet();
    await db.update(customers).set({ deletedAt: new Date() }).where(eq(customers.id, customerId));
    await expect(credit(walletId, { currency: 'USDC', amount: '1' })).rejects.toMatchObject({
      code: 'wallet_not_found',
    });
    await expect(credit(walletId, {})).rejects.toMatchObject({ code: 'wallet_not_found' });
    const rows = await db
      .select()
      .from(walletBalances)
      .where(and(eq(walletBalances.walletId, walletId), eq(walletBalances.currency, 'USDC')));
    expect(rows).toEqual([]);
  });

  it('answers wallet_not_found for every wallet when sandbox mode is off', async () => {
    const { walletId } = await insertWallet();
    process.env.SANDBOX = 'false';
    await expect(credit(walletId, { currency: 'USDC', amount: '1' })).rejects.toMatchObject({
      status: 404,
      code: 'wallet_not_found',
    });
    await expect(debit(walletId, { currency: 'USDC', amount: '1' })).rejects.toMatchObject({
      code: 'wallet_not_found',
    });
    expect((await balanceAndLedger(walletId, 'USDC')).entries).toBe(0);
  });

  it('forbids a viewer', async () => {
    const { walletId } = await insertWallet();
    const viewerContext: RequestContext = {
      actor: viewer,
      requestId: 'req_test0002',
      source: 'dashboard',
    };
    await expect(
      moveSandboxFunds(viewerContext, walletId, 'credit', { currency: 'USDC', amount: '1' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect((await balanceAndLedger(walletId, 'USDC')).entries).toBe(0);
  });
});
