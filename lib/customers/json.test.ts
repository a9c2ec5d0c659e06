import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { customers, prices, walletBalances, wallets } from '@/db/schema';
import type { ApiKeyActor } from '@/lib/auth/actor';
import { newWalletId } from '@/lib/ids';
import { roundUsdHalfEven } from '@/lib/money/decimal';
import { generateAddress } from '@/lib/wallets/addresses';
import { createCustomer, updateCustomer } from './commands';
import { customerEtag, presentCustomer } from './present';
import { getCustomer, getCustomerJson } from './queries';

const actor: ApiKeyActor = { kind: 'api_key', id: 'key_json', name: 'json', mode: 'test' };
const context = { actor, requestId: 'req_json', source: 'api' } as const;

beforeAll(async () => {
  await db.insert(prices).values([
    { currency: 'USDC', decimals: 6, usdPrice: '1' },
    { currency: 'ETH', decimals: 18, usdPrice: '3000.125' },
  ]);
});

async function fund(customerId: string, balances: Record<string, string>) {
  const id = newWalletId();
  await db.insert(wallets).values({
    id,
    customerId,
    network: 'ethereum',
    address: generateAddress('ethereum'),
  });
  await db
    .insert(walletBalances)
    .values(
      Object.entries(balances).map(([currency, amount]) => ({ walletId: id, currency, amount })),
    );
}

/** The object PostgreSQL shapes for the API, against the one `presentCustomer` makes. */
async function expectSameJson(id: string) {
  const { customer, usdTotal } = await getCustomer(actor, id);
  const { json, etag } = await getCustomerJson(actor, id);
  expect(JSON.parse(json)).toStrictEqual(
    JSON.parse(JSON.stringify(presentCustomer(customer, usdTotal))),
  );
  // Same keys in the same order, so the two bodies read alike.
  expect(Object.keys(JSON.parse(json))).toEqual(Object.keys(presentCustomer(customer, usdTotal)));
  expect(etag).toBe(customerEtag(customer));
}

describe('the customer JSON shaped in SQL', () => {
  it('equals presentCustomer for an empty individual', async () => {
    const { customer } = await createCustomer(context, {});
    await expectSameJson(customer.id);
  });

  it('equals presentCustomer for a full individual with an address, metadata and a KYC token', async () => {
    const { customer } = await createCustomer(context, {
      externalId: 'ext-json-1',
      firstName: 'Zoë',
      middleName: 'Ann "Quote" \\ Back',
      lastName: 'Ünïcode',
      email: 'zoe.json@example.com',
      phone: '+14155550100',
      birthDate: '1990-02-28',
      country: 'DE',
      residentialAddress: {
        streetLine1: 'Hauptstraße 1',
        city: 'Berlin',
        state: 'BE',
        postalCode: '10115',
        country: 'DE',
      },
      metadata: {
        tier: 'gold',
        'limit.usd': 2500.5,
        vip: true,
        note: 'quote " and \\ and ünïcode',
      },
      shareToken: 'sumsub-share-token-json',
    });
    await expectSameJson(customer.id);
    await updateCustomer(context, customer.id, {
      residentialAddress: {
        streetLine1: 'Hauptstraße 2',
        streetLine2: 'Hinterhaus',
        city: 'Berlin',
        state: 'BE',
        postalCode: '10115',
        country: 'DE',
      },
    });
    await expectSameJson(customer.id);
  });

  it('equals presentCustomer for a business', async () => {
    const { customer } = await createCustomer(context, {
      type: 'business',
      legalName: 'Json & Sons GmbH',
      website: 'https://json.example.com',
    });
    await expectSameJson(customer.id);
  });

  it('rounds the USD total half to even, as roundUsdHalfEven does', async () => {
    for (const [balances, expected] of [
      [{ USDC: '0.005' }, '0.00'],
      [{ USDC: '0.015' }, '0.02'],
      [{ USDC: '0.025' }, '0.02'],
      [{ USDC: '1234567.125' }, '1234567.12'],
      [{ ETH: '1.5', USDC: '0.005' }, '4500.19'],
      [{ USDC: '0' }, '0.00'],
    ] as const) {
      const { customer } = await createCustomer(context, {});
      await fund(customer.id, balances);
      await expectSameJson(customer.id);
      const { json } = await getCustomerJson(actor, customer.id);
      expect(JSON.parse(json).balance).toEqual({ amount: expected, currency: 'USD' });
    }
  });

  it('usd_half_even agrees with roundUsdHalfEven around every half cent', async () => {
    const values = [
      '0',
      '0.004',
      '0.005',
      '0.0051',
      '0.015',
      '0.025',
      '0.035',
      '2.675',
      '-0.005',
      '-0.015',
      '-1.235',
      '999999999999.995',
      '0.00000000000000000001',
    ];
    const result = await db.execute<{ value: string; rounded: string }>(
      sql`select v as value, usd_half_even(v::numeric) as rounded from unnest(${sql.raw(`array[${values.map((v) => `'${v}'`).join(',')}]`)}::text[]) v`,
    );
    for (const row of result.rows)
      expect([row.value, row.rounded]).toEqual([row.value, roundUsdHalfEven(row.value)]);
  });

  it('is not found for a deleted customer', async () => {
    const { customer } = await createCustomer(context, {});
    await db
      .update(customers)
      .set({ deletedAt: new Date() })
      .where(sql`id = ${customer.id}`);
    await expect(getCustomerJson(actor, customer.id)).rejects.toMatchObject({ status: 404 });
  });
});
