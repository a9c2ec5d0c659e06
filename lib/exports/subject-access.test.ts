import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditEvents } from '@/db/schema';
import type { StaffActor } from '@/lib/auth/actor';
import type { RequestContext } from '@/lib/context';
import { createCustomer, deleteCustomer } from '@/lib/customers/commands';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { recordKycDecision } from '@/lib/kyc/commands';
import { moveSandboxFunds } from '@/lib/ledger/commands';
import { createWallet } from '@/lib/wallets/commands';
import { exportCustomerData, subjectAccessFilename } from './subject-access';

const staff = (role: StaffActor['role']): StaffActor => ({
  kind: 'staff',
  id: `staff_dsar_${role}`,
  role,
  name: role,
  email: `${role}@example.com`,
});
const as = (actor: StaffActor, requestId = 'req_dsartest0001'): RequestContext => ({
  actor,
  requestId,
  source: 'dashboard',
});
const admin = as(staff('admin'));

let customerId = '';
let walletId = '';

beforeAll(async () => {
  const { customer } = await createCustomer(admin, {
    firstName: 'Grace',
    lastName: 'Hopper',
    email: 'grace@example.com',
    phone: '+1 415 555 0199',
    metadata: { tier: 'gold' },
  });
  customerId = customer.id;
  walletId = (await createWallet(admin, customerId, { network: 'polygon' })).id;
  await moveSandboxFunds(admin, walletId, 'credit', { currency: 'USDC', amount: '125.50' });
  await moveSandboxFunds(admin, walletId, 'debit', { currency: 'USDC', amount: '25.5' });
  await recordKycDecision(admin, customerId, {
    decision: 'request_more',
    reason: 'The proof of address is older than three months.',
  });
});

describe('exportCustomerData', () => {
  it('holds the profile, KYC history, wallets, balances, ledger entries and audit events', async () => {
    const data = await exportCustomerData(admin, customerId);

    expect(data.object).toBe('customer_data_export');
    expect(data.customer).toMatchObject({
      id: customerId,
      firstName: 'Grace',
      lastName: 'Hopper',
      email: 'grace@example.com',
      phone: '+14155550199',
      metadata: { tier: 'gold' },
      status: 'incomplete',
      balance: { amount: '100.00', currency: 'USD' },
    });
    expect(data.kycHistory).toEqual([
      {
        id: expect.any(String),
        decision: 'request_more',
        fromStatus: 'not_started',
        toStatus: 'incomplete',
        reason: 'The proof of address is older than three months.',
        decidedAt: expect.any(String),
      },
    ]);
    expect(data.wallets).toEqual([
      {
        id: walletId,
        customerId,
        network: 'polygon',
        address: expect.stringMatching(/^0x[0-9a-fA-F]{40}$/),
        createdAt: expect.any(String),
      },
    ]);
    expect(data.balances.totalBalance).toEqual({ amount: '100.00', currency: 'USD' });
    expect(data.balances.wallets[0]?.balances).toEqual([
      { currency: 'USDC', amount: '100.000000', decimals: 6, usdValue: '100.00' },
    ]);
    expect(data.ledgerEntries).toEqual([
      expect.objectContaining({ walletId, kind: 'credit', currency: 'USDC', amount: '125.500000' }),
      expect.objectContaining({ walletId, kind: 'debit', currency: 'USDC', amount: '25.500000' }),
    ]);
    expect(data.auditEvents.map((event) => event.action)).toEqual([
      'customer.created',
      'wallet.created',
      'sandbox.credited',
      'sandbox.debited',
      'kyc.decided',
    ]);
    expect(data.auditEvents[0]).toEqual({
      occurredAt: expect.any(String),
      action: 'customer.created',
      source: 'dashboard',
      actorType: 'staff',
      changedFields: expect.arrayContaining(['email', 'firstName']),
      before: null,
      after: { type: 'individual', status: 'not_started' },
    });
  });

  it('never includes the KYC share token or who on the staff acted', async () => {
    const text = JSON.stringify(await exportCustomerData(admin, customerId));
    expect(text).not.toMatch(/shareTokenEncrypted|kycShareToken/);
    expect(text).not.toContain('staff_dsar_admin');
    expect(text).not.toContain('admin@example.com');
  });

  it('is audited as customer.data_exported under the request’s id', async () => {
    await exportCustomerData(as(staff('admin'), 'req_dsaraudit001'), customerId);
    const events = await db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.customerId, customerId), eq(auditEvents.requestId, 'req_dsaraudit001')),
      );
    expect(events).toEqual([
      expect.objectContaining({
        action: 'customer.data_exported',
        actorId: 'staff_dsar_admin',
        source: 'dashboard',
        after: { format: 'json' },
      }),
    ]);
  });

  it('is for admins only: support and viewers are refused, and nothing is audited', async () => {
    for (const role of ['support', 'viewer'] as const) {
      await expect(
        exportCustomerData(as(staff(role), `req_dsardenied_${role}`), customerId),
      ).rejects.toThrow(ForbiddenError);
    }
    const denied = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.actorId, 'staff_dsar_support'));
    expect(denied).toEqual([]);
  });

  it('is not found for malformed, unknown and erased customers', async () => {
    const { customer } = await createCustomer(admin, { firstName: 'Erased' });
    await deleteCustomer(admin, customer.id);
    for (const id of ['nonsense', 'cus_unknown000000000', customer.id]) {
      await expect(exportCustomerData(admin, id)).rejects.toThrow(NotFoundError);
    }
  });

  it('names the file after the customer and the day', () => {
    expect(subjectAccessFilename('cus_abc', new Date('2026-11-24T10:00:00Z'))).toBe(
      'customer-cus_abc-2026-11-24.json',
    );
  });
});
