import { afterEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { customers, walletBalances, wallets } from '@/db/schema';
import type { StaffActor } from '@/lib/auth/actor';
import { newCustomerId, newWalletId } from '@/lib/ids';
import { generateAddress } from '@/lib/wallets/addresses';
import { getCustomerForConsole } from './console-detail';

function staff(role: StaffActor['role']): StaffActor {
  return { kind: 'staff', id: `staff_${role}`, role, name: role, email: `${role}@example.com` };
}

async function insertCustomer(
  values: { email?: string | null; phone?: string | null; deleted?: boolean } = {},
) {
  const id = newCustomerId('individual');
  await db.insert(customers).values({
    id,
    type: 'individual',
    firstName: 'Jane',
    lastName: 'Doe',
    // Unique per customer: live emails must be unique.
    email: values.email === undefined ? `${id.toLowerCase()}@example.com` : values.email,
    phone: values.phone === undefined ? null : values.phone,
    deletedAt: values.deleted ? new Date() : null,
  });
  return id;
}

afterEach(() => {
  delete process.env.SANDBOX;
});

describe('getCustomerForConsole', () => {
  it('masks email and phone for a viewer and offers the reveal', async () => {
    const id = await insertCustomer({ email: 'jane.masked@example.com', phone: '+14155550100' });
    const detail = await getCustomerForConsole(staff('viewer'), id);
    expect(detail.customer).toMatchObject({
      id,
      displayName: 'Jane Doe',
      email: 'j•••@example.com',
      phone: '+1•••••••0100',
    });
    expect(detail.contactMasked).toBe(true);
    expect(detail.permissions).toEqual({
      canEdit: false,
      canDelete: false,
      canDecideKyc: false,
      canAddWallet: false,
      canMoveSandboxFunds: false,
      canReveal: true,
    });
    expect(JSON.stringify(detail)).not.toContain('jane.masked');
    expect(JSON.stringify(detail)).not.toContain('5550100');
  });

  it('shows support the full email and phone, with no reveal, edit but no delete or KYC', async () => {
    const id = await insertCustomer({ email: 'jane.support@example.com', phone: '+14155550101' });
    const detail = await getCustomerForConsole(staff('support'), id);
    expect(detail.customer.email).toBe('jane.support@example.com');
    expect(detail.customer.phone).toBe('+14155550101');
    expect(detail.contactMasked).toBe(false);
    expect(detail.permissions).toEqual({
      canEdit: true,
      canDelete: false,
      canDecideKyc: false,
      canAddWallet: true,
      canMoveSandboxFunds: true,
      canReveal: false,
    });
  });

  it('gives an admin every action, and sandbox funds only in sandbox mode', async () => {
    const id = await insertCustomer();
    const detail = await getCustomerForConsole(staff('admin'), id);
    expect(detail.permissions).toMatchObject({
      canEdit: true,
      canDelete: true,
      canDecideKyc: true,
      canMoveSandboxFunds: true,
    });
    process.env.SANDBOX = 'false';
    const live = await getCustomerForConsole(staff('admin'), id);
    expect(live.permissions.canMoveSandboxFunds).toBe(false);
  });

  it('offers a viewer no reveal when there is no email or phone to reveal', async () => {
    const id = await insertCustomer({ email: null, phone: null });
    const detail = await getCustomerForConsole(staff('viewer'), id);
    expect(detail.customer.email).toBeNull();
    expect(detail.customer.phone).toBeNull();
    expect(detail.permissions.canReveal).toBe(false);
  });

  it('carries the USD balance rounded to cents', async () => {
    const id = await insertCustomer();
    const walletId = newWalletId();
    await db.insert(wallets).values({
      id: walletId,
      customerId: id,
      network: 'polygon',
      address: generateAddress('polygon'),
    });
    await db.insert(walletBalances).values({ walletId, currency: 'USDC', amount: '12.345' });
    const detail = await getCustomerForConsole(staff('viewer'), id);
    expect(detail.customer.balanceUsd).toBe('12.34');
  });

  it('answers customer_not_found for deleted, unknown and malformed ids', async () => {
    const deleted = await insertCustomer({ deleted: true });
    for (const id of [deleted, 'biz_unknown000000000001', '../etc']) {
      await expect(getCustomerForConsole(staff('admin'), id)).rejects.toMatchObject({
        status: 404,
        code: 'customer_not_found',
      });
    }
  });
});
