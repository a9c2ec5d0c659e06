import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { customers, wallets, type NewCustomer } from '@/db/schema';
import type { StaffActor } from '@/lib/auth/actor';
import type { StaffRole } from '@/lib/staff/schemas';
import { generateAddress } from '@/lib/wallets/addresses';
import { lookupCustomers } from './lookup';

const staff = (role: StaffRole): StaffActor => ({
  kind: 'staff',
  id: `staff_${role}`,
  role,
  name: role,
  email: `${role}@example.com`,
});
const support = staff('support');
const viewer = staff('viewer');

const GRACE = 'cus_grace00000000001';
const HOPPER = 'biz_hopper0000000001';
const GONE = 'cus_gone000000000001';
const EVM_ADDRESS = generateAddress('ethereum');
const TRON_ADDRESS = generateAddress('tron');
const GONE_ADDRESS = generateAddress('solana');

const lookup = (term: string) => lookupCustomers(support, term);
const found = async (term: string) =>
  (await lookup(term)).map((result) => [result.id, result.matched]);

beforeAll(async () => {
  const namesakes: NewCustomer[] = Array.from({ length: 10 }, (_, i) => ({
    id: `cus_namesake${String(i).padStart(8, '0')}`,
    type: 'individual',
    firstName: 'Marjory',
    lastName: `Stone ${i}`,
  }));
  await db.insert(customers).values([
    {
      id: GRACE,
      type: 'individual',
      status: 'approved',
      firstName: 'Grace',
      lastName: 'Hopper',
      email: 'Grace.Hopper@Example.com',
      phone: '+14155550123',
      externalId: 'crm-42',
    },
    {
      id: HOPPER,
      type: 'business',
      legalName: 'Hopper Navy Supplies',
      website: 'https://hopper.example',
      email: 'desk@navy.example',
    },
    { id: GONE, type: 'individual', firstName: 'Gone', lastName: 'Hopper', deletedAt: new Date() },
    ...namesakes,
  ]);
  await db.insert(wallets).values([
    { id: 'wal_grace0000000001', customerId: GRACE, network: 'ethereum', address: EVM_ADDRESS },
    { id: 'wal_hopper000000001', customerId: HOPPER, network: 'tron', address: TRON_ADDRESS },
    { id: 'wal_gone00000000001', customerId: GONE, network: 'solana', address: GONE_ADDRESS },
  ]);
});

describe('lookupCustomers', () => {
  it('finds a customer by its exact id or an id prefix', async () => {
    expect(await found(GRACE)).toEqual([[GRACE, 'id']]);
    expect(await found('biz_hop')).toEqual([[HOPPER, 'id']]);
  });

  it('treats the underscore of an id prefix literally', async () => {
    expect(await found('cusXgrace')).toEqual([]);
  });

  it('finds a customer by email case-insensitively but never by part of it', async () => {
    expect(await found('grace.hopper@example.COM')).toEqual([[GRACE, 'email']]);
    expect(await found('hopper@example.com')).toEqual([]);
  });

  it('finds a customer by phone however the number is written', async () => {
    expect(await found('+1 (415) 555-0123')).toEqual([[GRACE, 'phone']]);
    expect(await found('14155550123')).toEqual([[GRACE, 'phone']]);
  });

  it('finds a customer by its exact external id', async () => {
    expect(await found('crm-42')).toEqual([[GRACE, 'externalId']]);
    expect(await found('crm-4')).toEqual([]);
  });

  it('finds a customer by wallet address, EVM addresses in any letter case', async () => {
    expect(await found(EVM_ADDRESS.toUpperCase().replace('0X', '0x'))).toEqual([[GRACE, 'wallet']]);
    expect(await found(TRON_ADDRESS)).toEqual([[HOPPER, 'wallet']]);
  });

  it('finds customers whose name contains a term of three characters or more, by name', async () => {
    expect(await found('hopp')).toEqual([
      [GRACE, 'name'],
      [HOPPER, 'name'],
    ]);
    expect(await found('ho')).toEqual([]);
  });

  it('does not report a match in the email or phone as a name match', async () => {
    expect(await found('navy.example')).toEqual([]);
    expect(await found('5550123')).toEqual([]);
  });

  it('puts exact matches first, lists each customer once and returns at most eight', async () => {
    await db
      .update(customers)
      .set({ externalId: 'Marjory' })
      .where(eq(customers.id, 'cus_namesake00000009'));
    const results = await found('Marjory');
    expect(results).toHaveLength(8);
    expect(results[0]).toEqual(['cus_namesake00000009', 'externalId']);
    expect(new Set(results.map(([id]) => id)).size).toBe(8);
    expect(results.slice(1).every(([, matched]) => matched === 'name')).toBe(true);
  });

  it('never finds a deleted customer', async () => {
    expect(await found(GONE)).toEqual([]);
    expect(await found(GONE_ADDRESS)).toEqual([]);
    expect((await found('gone hop')).length).toBe(0);
  });

  it('masks contact details for viewers and shows them to support staff', async () => {
    const [forViewer] = await lookupCustomers(viewer, 'crm-42');
    expect(forViewer).toEqual({
      id: GRACE,
      displayName: 'Grace Hopper',
      type: 'individual',
      status: 'approved',
      matched: 'externalId',
      email: 'G•••@Example.com',
      phone: '+1•••••••0123',
    });
    const [forSupport] = await lookupCustomers(support, 'crm-42');
    expect(forSupport).toMatchObject({ email: 'Grace.Hopper@Example.com', phone: '+14155550123' });
  });

  it('answers nothing for a blank, overlong or NUL-carrying term', async () => {
    expect(await lookup('   ')).toEqual([]);
    expect(await lookup('x'.repeat(300))).toEqual([]);
    expect(await lookup('hop\u0000per')).toEqual([]);
  });
});
