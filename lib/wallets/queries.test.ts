import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { customers, prices, walletBalances, wallets } from '@/db/schema';
import type { ApiKeyActor, StaffActor } from '@/lib/auth/actor';
import { newCustomerId, newWalletId } from '@/lib/ids';
import type { Network } from '@/lib/money/currencies';
import { ExactDecimal, roundUsdHalfEven } from '@/lib/money/decimal';
import { generateAddress } from './addresses';
import { customerUsdTotals, getCustomerBalances, listWallets } from './queries';

const actor: ApiKeyActor = { kind: 'api_key', id: 'key_test', name: 'test', mode: 'test' };
const viewer: StaffActor = {
  kind: 'staff',
  id: 'staff_viewer',
  role: 'viewer',
  name: 'V',
  email: 'v@example.com',
};
const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

beforeAll(async () => {
  await db.insert(prices).values([
    { currency: 'USDC', decimals: 6, usdPrice: '1' },
    { currency: 'USDT', decimals: 6, usdPrice: '1' },
    { currency: 'EURC', decimals: 6, usdPrice: '1.085' },
    { currency: 'ETH', decimals: 18, usdPrice: '3000.125' },
    { currency: 'SOL', decimals: 9, usdPrice: '150.5' },
    { currency: 'TRX', decimals: 6, usdPrice: '0.25' },
  ]);
});

async function insertCustomer(options: { deleted?: boolean } = {}): Promise<string> {
  const id = newCustomerId('individual');
  await db
    .insert(customers)
    .values({ id, type: 'individual', deletedAt: options.deleted ? new Date() : null });
  return id;
}

let clock = Date.parse('2026-01-01T00:00:00.000Z');

/** A wallet with the given balance rows written directly (the ledger has its own tests). */
async function insertWallet(
  customerId: string,
  network: Network,
  balances: Record<string, string> = {},
) {
  const id = newWalletId();
  clock += 1000;
  await db.insert(wallets).values({
    id,
    customerId,
    network,
    address: generateAddress(network),
    createdAt: new Date(clock),
  });
  const rows = Object.entries(balances).map(([currency, amount]) => ({
    walletId: id,
    currency,
    amount,
  }));
  if (rows.length) await db.insert(walletBalances).values(rows);
  return id;
}

describe('listWallets', () => {
  it('lists the customer’s wallets oldest first', async () => {
    const customerId = await insertCustomer();
    const first = await insertWallet(customerId, 'tron');
    const second = await insertWallet(customerId, 'base');
    await insertWallet(await insertCustomer(), 'base');
    const listed = await listWallets(viewer, customerId);
    expect(listed.map((wallet) => wallet.id)).toEqual([first, second]);
  });

  it('lists nothing for a customer without wallets', async () => {
    expect(await listWallets(actor, await insertCustomer())).toEqual([]);
  });

  it('answers customer_not_found for malformed, unknown and deleted customers', async () => {
    const deleted = await insertCustomer({ deleted: true });
    await insertWallet(deleted, 'ethereum');
    for (const id of ['nope', 'cus_unknown00000000001', deleted]) {
      await expect(listWallets(actor, id)).rejects.toMatchObject({
        status: 404,
        code: 'customer_not_found',
      });
    }
  });
});

describe('getCustomerBalances', () => {
  it('gives a customer without wallets a total of 0.00 and no wallets', async () => {
    const customerId = await insertCustomer();
    const balances = await getCustomerBalances(actor, customerId);
    expect(balances).toEqual({
      customerId,
      totalBalance: { amount: '0.00', currency: 'USD' },
      asOf: expect.stringMatching(ISO_MS),
      wallets: [],
    });
  });

  it('lists a wallet that never held funds with no balance lines', async () => {
    const customerId = await insertCustomer();
    const walletId = await insertWallet(customerId, 'solana');
    const balances = await getCustomerBalances(actor, customerId);
    expect(balances.totalBalance.amount).toBe('0.00');
    expect(balances.wallets).toEqual([
      { walletId, network: 'solana', address: expect.any(String), balances: [] },
    ]);
  });

  it('renders amounts with exactly the currency’s decimals and USD with two', async () => {
    const customerId = await insertCustomer();
    const polygon = await insertWallet(customerId, 'polygon', { USDC: '1250.5', USDT: '0' });
    const ethereum = await insertWallet(customerId, 'ethereum', {
      ETH: '0.000000000000000001',
      EURC: '10',
    });
    const solana = await insertWallet(customerId, 'solana', { SOL: '2.000000001' });

    const balances = await getCustomerBalances(actor, customerId);
    expect(balances.wallets).toEqual([
      {
        walletId: polygon,
        network: 'polygon',
        address: expect.stringMatching(/^0x[0-9a-f]{40}$/),
        balances: [
          { currency: 'USDC', amount: '1250.500000', decimals: 6, usdValue: '1250.50' },
          { currency: 'USDT', amount: '0.000000', decimals: 6, usdValue: '0.00' },
        ],
      },
      {
        walletId: ethereum,
        network: 'ethereum',
        address: expect.any(String),
        balances: [
          { currency: 'ETH', amount: '0.000000000000000001', decimals: 18, usdValue: '0.00' },
          { currency: 'EURC', amount: '10.000000', decimals: 6, usdValue: '10.85' },
        ],
      },
      {
        walletId: solana,
        network: 'solana',
        address: expect.any(String),
        balances: [{ currency: 'SOL', amount: '2.000000001', decimals: 9, usdValue: '301.00' }],
      },
    ]);
    // 1250.5 + 0.000000000000003000125 + 10.85 + 301.0000001505, rounded once.
    expect(balances.totalBalance).toEqual({ amount: '1562.35', currency: 'USD' });
  });

  it('rounds each line and the total half-even, the total once from the exact sum', async () => {
    const customerId = await insertCustomer();
    // ETH 1 × 3000.125 = 3000.125 → "3000.12"; USDC 0.005 → "0.00"; exact total 3000.13.
    await insertWallet(customerId, 'base', { ETH: '1', USDC: '0.005' });
    const balances = await getCustomerBalances(actor, customerId);
    expect(balances.wallets[0]?.balances.map((line) => line.usdValue)).toEqual(['3000.12', '0.00']);
    expect(balances.totalBalance.amount).toBe('3000.13');
  });

  it('rounds a lone half cent to the even neighbour (0.005 → 0.00, 0.025 → 0.02, 0.015 → 0.02)', async () => {
    for (const [amount, expected] of [
      ['0.005', '0.00'],
      ['0.025', '0.02'],
      ['0.015', '0.02'],
    ] as const) {
      const customerId = await insertCustomer();
      await insertWallet(customerId, 'polygon', { USDC: amount });
      const balances = await getCustomerBalances(actor, customerId);
      expect(balances.totalBalance.amount).toBe(expected);
      expect(balances.wallets[0]?.balances[0]?.usdValue).toBe(expected);
    }
  });

  it('values USDC and USDT at exactly 1.00 whatever the price table says', async () => {
    const customerId = await insertCustomer();
    await insertWallet(customerId, 'tron', { USDT: '1000' });
    await db.update(prices).set({ usdPrice: '0.9998' }).where(eq(prices.currency, 'USDT'));
    try {
      const balances = await getCustomerBalances(actor, customerId);
      expect(balances.totalBalance.amount).toBe('1000.00');
      expect(
        roundUsdHalfEven((await customerUsdTotals(db, [customerId])).get(customerId) ?? ''),
      ).toBe('1000.00');
    } finally {
      await db.update(prices).set({ usdPrice: '1' }).where(eq(prices.currency, 'USDT'));
    }
  });

  it('answers customer_not_found for malformed, unknown and deleted customers', async () => {
    const deleted = await insertCustomer({ deleted: true });
    for (const id of ['biz_', 'biz_unknown00000000001', deleted]) {
      await expect(getCustomerBalances(actor, id)).rejects.toMatchObject({
        status: 404,
        code: 'customer_not_found',
      });
    }
  });
});

describe('customerUsdTotals', () => {
  it('gives the exact total of many customers in one call, equal to the balances endpoint once rounded', async () => {
    const rich = await insertCustomer();
    await insertWallet(rich, 'ethereum', { ETH: '1.5', USDC: '0.005' });
    await insertWallet(rich, 'tron', { TRX: '3', USDT: '7.1' });
    const halfCent = await insertCustomer();
    await insertWallet(halfCent, 'polygon', { USDC: '0.025' });
    const empty = await insertCustomer();
    await insertWallet(empty, 'base');
    const noWallets = await insertCustomer();

    const ids = [rich, halfCent, empty, noWallets];
    const totals = await customerUsdTotals(db, ids);
    expect([...totals.keys()].sort()).toEqual([...ids].sort());
    // 4500.1875 + 0.005 + 0.75 + 7.1, unrounded.
    expect(new ExactDecimal(totals.get(rich) ?? '0').equals('4508.0425')).toBe(true);
    expect(totals.get(empty)).toBe('0');
    expect(totals.get(noWallets)).toBe('0');
    for (const id of ids) {
      const balances = await getCustomerBalances(actor, id);
      expect(roundUsdHalfEven(totals.get(id) ?? 'missing')).toBe(balances.totalBalance.amount);
    }
    expect(roundUsdHalfEven(totals.get(rich) ?? '')).toBe('4508.04');
    expect(roundUsdHalfEven(totals.get(halfCent) ?? '')).toBe('0.02');
  });

  it('asks nothing of the database for no customers', async () => {
    expect((await customerUsdTotals(db, [])).size).toBe(0);
  });
});
