import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { DEMO_SEED, generateDemoRows, seedDemoData, type DemoRows } from '@/db/demo-data';
import { DEMO_STAFF } from '@/db/demo-staff';
import { CURRENCIES, currencyExistsOn, isCurrencyCode, isNetwork } from '@/lib/money/currencies';
import { isValidAddress } from '@/lib/wallets/addresses';

const CUSTOMERS = 200;

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return (await db.execute(query)).rows as T[];
}

async function count(query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await rows<{ n: number | string }>(query);
  return Number(row!.n);
}

function digest(generated: DemoRows): string {
  return createHash('sha256').update(JSON.stringify(generated)).digest('hex');
}

beforeAll(async () => {
  await seedDemoData({ customers: CUSTOMERS });
});

describe('seedDemoData', () => {
  it('creates customers of both types and in every status', async () => {
    const found = await rows<{ type: string; status: string }>(
      sql`select distinct type, status from customers where deleted_at is null`,
    );
    expect(new Set(found.map((row) => row.type))).toEqual(new Set(['individual', 'business']));
    expect(new Set(found.map((row) => row.status))).toEqual(
      new Set([
        'not_started',
        'incomplete',
        'pending_verification',
        'under_review',
        'approved',
        'rejected',
      ]),
    );
    expect(await count(sql`select count(*) as n from customers`)).toBe(CUSTOMERS);
  });

  it('stores every balance as exactly the sum of its ledger entries', async () => {
    const mismatches = await count(sql`
      select count(*) as n
        from wallet_balances b
        full join (select wallet_id, currency, sum(amount) as total from ledger_entries group by 1, 2) l
          on l.wallet_id = b.wallet_id and l.currency = b.currency
       where b.amount is distinct from l.total`);
    expect(mismatches).toBe(0);
    expect(await count(sql`select count(*) as n from ledger_entries`)).toBeGreaterThan(CUSTOMERS);
  });

  it('marks has_funds exactly on the customers holding a non-zero balance, about four in five', async () => {
    const wrong = await count(sql`
      select count(*) as n from customers c
       where c.has_funds <> exists (
         select 1 from wallets w join wallet_balances b on b.wallet_id = w.id
          where w.customer_id = c.id and b.amount <> 0)`);
    expect(wrong).toBe(0);
    const funded = await count(sql`select count(*) as n from customers where has_funds`);
    expect(funded / CUSTOMERS).toBeGreaterThan(0.65);
    expect(funded / CUSTOMERS).toBeLessThan(0.9);
  });

  it('gives customers unique lower-case emails, unique E.164 phones and valid countries', async () => {
    const [stats] = await rows<Record<string, number | string>>(sql`
      select count(email) as emails, count(distinct lower(email)) as distinct_emails,
             count(*) filter (where email <> lower(email)) as mixed_case,
             count(phone) as phones, count(distinct phone) as distinct_phones,
             count(*) filter (where phone !~ '^[+][1-9][0-9]{7,14}$') as bad_phones,
             count(*) filter (where birth_date < '1940-01-01' or birth_date > '2005-12-31') as bad_births
        from customers`);
    expect(Number(stats!.emails)).toBeGreaterThan(CUSTOMERS * 0.8);
    expect(Number(stats!.distinct_emails)).toBe(Number(stats!.emails));
    expect(Number(stats!.mixed_case)).toBe(0);
    expect(Number(stats!.distinct_phones)).toBe(Number(stats!.phones));
    expect(Number(stats!.bad_phones)).toBe(0);
    expect(Number(stats!.bad_births)).toBe(0);
  });

  it('keeps customer_counts equal to the live customers per type and status', async () => {
    const differences = await count(sql`
      select count(*) as n
        from (select type, status, sum(count) as count from customer_counts group by 1, 2) cc
        full join (select type, status, count(*) as live from customers where deleted_at is null group by 1, 2) c
          on c.type = cc.type and c.status = cc.status
       where coalesce(cc.count, 0) <> coalesce(c.live, 0)`);
    expect(differences).toBe(0);
  });

  it('holds only currencies that exist on the wallet network, with at most their decimals', async () => {
    const balances = await rows<{ network: string; currency: string; amount: string }>(sql`
      select w.network, b.currency, b.amount::text as amount
        from wallet_balances b join wallets w on w.id = b.wallet_id`);
    expect(balances.length).toBeGreaterThan(CUSTOMERS);
    for (const { network, currency, amount } of balances) {
      expect(currencyExistsOn(currency, network), `${currency} on ${network}`).toBe(true);
      if (!isCurrencyCode(currency)) throw new Error(currency);
      expect(amount.split('.')[1]?.length ?? 0).toBeLessThanOrEqual(CURRENCIES[currency].decimals);
    }
  });

  it('issues well-formed wallet addresses, unique across networks', async () => {
    const wallets = await rows<{ network: string; address: string }>(
      sql`select network, address from wallets`,
    );
    expect(wallets.length).toBeGreaterThan(CUSTOMERS);
    for (const { network, address } of wallets) {
      if (!isNetwork(network)) throw new Error(network);
      expect(isValidAddress(network, address), `${network} ${address}`).toBe(true);
    }
    expect(new Set(wallets.map((w) => w.address)).size).toBe(wallets.length);
  });

  it('writes exactly the rows the generator produces', async () => {
    const generated = generateDemoRows({
      seed: DEMO_SEED,
      total: CUSTOMERS,
      from: 0,
      to: CUSTOMERS,
    });
    const customers = await rows<{ id: string; email: string | null; created_at: Date }>(
      sql`select id, email, created_at from customers`,
    );
    const byId = new Map(customers.map((row) => [row.id, row]));
    expect(byId.size).toBe(generated.customers.length);
    for (const customer of generated.customers) {
      expect(byId.get(customer.id)?.email).toBe(customer.email);
      expect(new Date(byId.get(customer.id)!.created_at).toISOString()).toBe(
        customer.createdAt.toISOString(),
      );
    }
    const balances = await rows<{ wallet_id: string; currency: string; amount: string }>(
      sql`select wallet_id, currency, amount::text as amount from wallet_balances`,
    );
    const amounts = new Map(balances.map((b) => [`${b.wallet_id}/${b.currency}`, b.amount]));
    expect(amounts.size).toBe(generated.balances.length);
    for (const balance of generated.balances) {
      expect(amounts.get(`${balance.walletId}/${balance.currency}`)).toBe(balance.amount);
    }
    expect(await count(sql`select count(*) as n from ledger_entries`)).toBe(
      generated.ledgerEntries.length,
    );
  });

  it('creates the demo staff and the prices once, and adds nothing to a database with customers', async () => {
    const before = await count(sql`select count(*) as n from ledger_entries`);
    await seedDemoData({ customers: 50, seed: 7 });
    expect(await count(sql`select count(*) as n from customers`)).toBe(CUSTOMERS);
    expect(await count(sql`select count(*) as n from ledger_entries`)).toBe(before);
    const staff = await rows<{ email: string; role: string }>(
      sql`select email, role from staff_users order by email`,
    );
    expect(staff).toEqual(
      DEMO_STAFF.map(({ email, role }) => ({ email, role })).sort((a, b) =>
        a.email.localeCompare(b.email),
      ),
    );
    expect(await count(sql`select count(*) as n from prices`)).toBe(Object.keys(CURRENCIES).length);
  });
});

describe('generateDemoRows', () => {
  it('is a pure function of the seed and the index range', async () => {
    const range = { seed: 42, total: 300, from: 0, to: 300 };
    const whole = generateDemoRows(range);
    const first = generateDemoRows({ ...range, to: 123 });
    const rest = generateDemoRows({ ...range, from: 123 });
    const sliced: DemoRows = {
      customers: [...first.customers, ...rest.customers],
      wallets: [...first.wallets, ...rest.wallets],
      balances: [...first.balances, ...rest.balances],
      ledgerEntries: [...first.ledgerEntries, ...rest.ledgerEntries],
    };
    expect(digest(sliced)).toBe(digest(whole));
    // A fresh copy of the module rebuilds its faker pools: as another process would.
    vi.resetModules();
    const fresh = await import('@/db/demo-data');
    expect(digest(fresh.generateDemoRows(range))).toBe(digest(whole));
    const other = generateDemoRows({ ...range, seed: 43 });
    expect(other.customers.map((c) => c.id)).not.toEqual(whole.customers.map((c) => c.id));
    expect(other.customers.map((c) => c.lastName)).not.toEqual(
      whole.customers.map((c) => c.lastName),
    );
  });

  it('spreads distinct creation times over the two years before the anchor date', () => {
    const { customers } = generateDemoRows({ seed: DEMO_SEED, total: 5_000, from: 0, to: 5_000 });
    const times = customers.map((c) => c.createdAt.getTime());
    expect(new Set(times).size).toBe(times.length);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.parse('2024-11-01T00:00:00.000Z'));
    expect(Math.max(...times)).toBeLessThan(Date.parse('2026-11-01T00:00:00.000Z'));
    const businesses = customers.filter((c) => c.type === 'business').length / customers.length;
    expect(businesses).toBeGreaterThan(0.2);
    expect(businesses).toBeLessThan(0.3);
  });
});
