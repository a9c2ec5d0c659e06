import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { customers, walletBalances, wallets, type NewCustomer } from '@/db/schema';
import type { StaffActor } from '@/lib/auth/actor';
import type { StaffRole } from '@/lib/staff/schemas';
import { generateAddress } from '@/lib/wallets/addresses';
import { listCustomersForConsole } from './console-list';

const staff = (role: StaffRole): StaffActor => ({
  kind: 'staff',
  id: `staff_${role}`,
  role,
  name: role,
  email: `${role}@example.com`,
});
const admin = staff('admin');
const support = staff('support');
const viewer = staff('viewer');

const ADA = 'cus_ada0000000000001';
const ACME = 'biz_acme000000000001';
const BOB = 'cus_bob0000000000001';
const SAME_1 = 'cus_same000000000001';
const SAME_2 = 'cus_same000000000002';
const FILLERS = 20;

const ids = (page: { rows: { id: string }[] }) => page.rows.map((row) => row.id);

beforeAll(async () => {
  const fillers: NewCustomer[] = Array.from({ length: FILLERS }, (_, i) => ({
    id: `cus_filler${String(i).padStart(10, '0')}`,
    type: 'individual',
    firstName: 'Filler',
    lastName: String(i).padStart(2, '0'),
    createdAt: new Date(Date.UTC(2025, 5, 1 + i)),
  }));
  await db.insert(customers).values([
    {
      id: ADA,
      type: 'individual',
      status: 'approved',
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.com',
      phone: '+14155550100',
      hasFunds: true,
      createdAt: new Date('2026-01-10T00:00:00.000Z'),
    },
    {
      id: ACME,
      type: 'business',
      status: 'pending_verification',
      legalName: 'Acme Ltd',
      website: 'https://acme.example',
      email: 'ops@acme.example',
      hasFunds: true,
      createdAt: new Date('2026-02-01T00:00:00.000Z'),
    },
    {
      id: BOB,
      type: 'individual',
      status: 'rejected',
      firstName: 'Bob',
      lastName: 'Zed',
      externalId: 'ext-bob-1',
      createdAt: new Date('2026-01-20T18:00:00.000Z'),
    },
    {
      id: SAME_1,
      type: 'individual',
      firstName: 'Same',
      lastName: 'Name',
      createdAt: new Date('2025-05-01T00:00:00.000Z'),
    },
    {
      id: SAME_2,
      type: 'individual',
      firstName: 'Same',
      lastName: 'Name',
      createdAt: new Date('2025-05-01T00:00:00.000Z'),
    },
    {
      id: 'cus_gone000000000001',
      type: 'individual',
      createdAt: new Date('2026-03-01T00:00:00.000Z'),
      deletedAt: new Date(),
    },
    ...fillers,
  ]);
  await db.insert(wallets).values([
    {
      id: 'wal_ada0000000000001',
      customerId: ADA,
      network: 'polygon',
      address: generateAddress('polygon'),
    },
    {
      id: 'wal_acme000000000001',
      customerId: ACME,
      network: 'tron',
      address: generateAddress('tron'),
    },
  ]);
  await db.insert(walletBalances).values([
    { walletId: 'wal_ada0000000000001', currency: 'USDC', amount: '12.345' },
    { walletId: 'wal_acme000000000001', currency: 'USDT', amount: '1000.005' },
  ]);
});

describe('listCustomersForConsole', () => {
  it('lists live customers newest first, 20 to a page, with the exact total', async () => {
    const first = await listCustomersForConsole(admin, {});
    expect(first).toMatchObject({
      totalCount: FILLERS + 5,
      totalCountExact: true,
      page: 1,
      pageSize: 20,
      pageCount: 2,
      hasNextPage: true,
    });
    expect(ids(first).slice(0, 3)).toEqual([ACME, BOB, ADA]);
    expect(first.rows).toHaveLength(20);

    const second = await listCustomersForConsole(admin, { page: 2 });
    expect(second.rows).toHaveLength(5);
    expect(second.hasNextPage).toBe(false);
    expect(ids(second).slice(-2)).toEqual([SAME_2, SAME_1]);
    expect(new Set([...ids(first), ...ids(second)]).size).toBe(FILLERS + 5);
    expect(ids(second)).not.toContain('cus_gone000000000001');
  });

  it('gives each row its display name, status, ISO creation time and type', async () => {
    const page = await listCustomersForConsole(admin, { type: 'business' });
    expect(page.rows).toEqual([
      {
        id: ACME,
        type: 'business',
        displayName: 'Acme Ltd',
        email: 'ops@acme.example',
        phone: null,
        status: 'pending_verification',
        usdTotal: '1000.00',
        createdAt: '2026-02-01T00:00:00.000Z',
      },
    ]);
    expect(page).toMatchObject({ totalCount: 1, totalCountExact: true, pageCount: 1 });
  });

  it('rounds each USD total half-even to cents', async () => {
    const page = await listCustomersForConsole(admin, { sort: 'created-desc' });
    const totals = Object.fromEntries(page.rows.map((row) => [row.id, row.usdTotal]));
    expect(totals[ADA]).toBe('12.34');
    expect(totals[ACME]).toBe('1000.00');
    expect(totals[BOB]).toBe('0.00');
  });

  it('filters by several statuses at once with an exact count', async () => {
    const page = await listCustomersForConsole(admin, { statuses: ['approved', 'rejected'] });
    expect(ids(page)).toEqual([BOB, ADA]);
    expect(page).toMatchObject({ totalCount: 2, totalCountExact: true });
  });

  it('filters by created date range, both days included in full', async () => {
    const page = await listCustomersForConsole(admin, {
      createdFrom: '2026-01-10',
      createdTo: '2026-01-20',
    });
    expect(ids(page)).toEqual([BOB, ADA]);
    expect(page.totalCount).toBe(2);
  });

  it('keeps only customers with a balance when asked', async () => {
    const page = await listCustomersForConsole(admin, { hasBalance: true });
    expect(ids(page)).toEqual([ACME, ADA]);
    expect(page).toMatchObject({ totalCount: 2, totalCountExact: true });
  });

  it('combines filters with AND', async () => {
    const page = await listCustomersForConsole(admin, {
      hasBalance: true,
      type: 'individual',
      statuses: ['approved'],
    });
    expect(ids(page)).toEqual([ADA]);
    expect(page.totalCount).toBe(1);
  });

  it('searches names, email, phone, external id and id prefix case-insensitively', async () => {
    const search = async (q: string) => ids(await listCustomersForConsole(admin, { q }));
    expect(await search('LOVELACE')).toEqual([ADA]);
    expect(await search('acme.example')).toEqual([ACME]);
    expect(await search('+1415555')).toEqual([ADA]);
    expect(await search('ext-bob')).toEqual([BOB]);
    expect(await search('biz_acme')).toEqual([ACME]);
    expect(await search('no such customer')).toEqual([]);
  });

  it('ignores a search term shorter than three characters rather than matching everyone slowly', async () => {
    const page = await listCustomersForConsole(admin, { q: 'ad' });
    expect(page.totalCount).toBe(FILLERS + 5);
  });

  it('sorts by name both ways, the id breaking ties, and by creation time oldest first', async () => {
    const ascending = await listCustomersForConsole(admin, { sort: 'name-asc', pageSize: 100 });
    expect(ids(ascending).slice(0, 3)).toEqual([ACME, ADA, BOB]);
    expect(ids(ascending).slice(-2)).toEqual([SAME_1, SAME_2]);

    const descending = await listCustomersForConsole(admin, { sort: 'name-desc', pageSize: 100 });
    expect(ids(descending)).toEqual(ids(ascending).toReversed());

    const oldest = await listCustomersForConsole(admin, { sort: 'created-asc' });
    expect(ids(oldest).slice(0, 2)).toEqual([SAME_1, SAME_2]);
  });

  it('masks email and phone for viewers and shows them to support staff', async () => {
    const forViewer = await listCustomersForConsole(viewer, { q: 'lovelace' });
    expect(forViewer.contactMasked).toBe(true);
    expect(forViewer.rows[0]).toMatchObject({ email: 'a•••@example.com', phone: '+1•••••••0100' });

    const forSupport = await listCustomersForConsole(support, { q: 'lovelace' });
    expect(forSupport.contactMasked).toBe(false);
    expect(forSupport.rows[0]).toMatchObject({ email: 'ada@example.com', phone: '+14155550100' });
  });

  it('falls back to defaults for invalid paging and answers an empty page past the end', async () => {
    // Invalid on purpose: the domain must not trust its callers to have parsed the URL.
    const invalid = await listCustomersForConsole(admin, {
      page: 0,
      pageSize: 37 as 20,
      sort: 'sideways' as 'name-asc',
    });
    expect(invalid).toMatchObject({ page: 1, pageSize: 20 });
    expect(ids(invalid).slice(0, 1)).toEqual([ACME]);

    const pastTheEnd = await listCustomersForConsole(admin, { page: 9 });
    expect(pastTheEnd.rows).toEqual([]);
    expect(pastTheEnd).toMatchObject({ totalCount: FILLERS + 5, pageCount: 2, page: 9 });
  });

  // Last: the bulk rows would change every count above.
  it('reports a lower bound beyond 10,000 matches and still pages on past it', async () => {
    await db.execute(
      sql`insert into customers (id, type, first_name, created_at)
          select 'cus_bulk' || lpad(n::text, 10, '0'), 'individual', 'Bulk', '2024-01-01'::timestamptz + n * interval '1 second'
          from generate_series(1, 10050) as n`,
    );
    const first = await listCustomersForConsole(admin, { q: 'bulk' });
    expect(first).toMatchObject({
      totalCount: 10_000,
      totalCountExact: false,
      pageCount: 500,
      hasNextPage: true,
    });
    const beyond = await listCustomersForConsole(admin, { q: 'bulk', page: 502 });
    expect(beyond.rows).toHaveLength(20);
    expect(beyond).toMatchObject({ totalCountExact: false, pageCount: 503, hasNextPage: true });
  });
});
