import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditEvents, customers, deletionRequests, staffUsers } from '@/db/schema';
import type { StaffActor } from '@/lib/auth/actor';
import type { RequestContext } from '@/lib/context';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { newCustomerId } from '@/lib/ids';
import { moveSandboxFunds } from '@/lib/ledger/commands';
import { createWallet } from '@/lib/wallets/commands';
import { adminActor } from '@/test/api';
import { deleteCustomer } from './commands';
import { getDeletionImpact } from './deletion-impact';

const context: RequestContext = {
  actor: adminActor,
  requestId: 'req_impact0001',
  source: 'dashboard',
};

function staff(role: StaffActor['role']): StaffActor {
  return { kind: 'staff', id: `staff-${role}`, role, name: role, email: `${role}@example.com` };
}

async function insertCustomer(options: { deleted?: boolean } = {}): Promise<string> {
  const id = newCustomerId('individual');
  await db
    .insert(customers)
    .values({ id, type: 'individual', deletedAt: options.deleted ? new Date() : null });
  return id;
}

const credit = (walletId: string, currency: string, amount: string) =>
  moveSandboxFunds(context, walletId, 'credit', { currency, amount });
const debit = (walletId: string, currency: string, amount: string) =>
  moveSandboxFunds(context, walletId, 'debit', { currency, amount });

describe('getDeletionImpact', () => {
  it('lets a customer without wallets be deleted', async () => {
    const customerId = await insertCustomer();
    expect(await getDeletionImpact(adminActor, customerId)).toEqual({
      customerId,
      walletCount: 0,
      fundedBalances: [],
      openDeletionRequest: null,
      blockedReason: null,
    });
  });

  it('is blocked by any non-zero balance, however small, and lists each one', async () => {
    const customerId = await insertCustomer();
    const polygon = await createWallet(context, customerId, { network: 'polygon' });
    const ethereum = await createWallet(context, customerId, { network: 'ethereum' });
    await credit(polygon.id, 'USDC', '12.5');
    await credit(ethereum.id, 'ETH', '0.000000000000000001');

    const impact = await getDeletionImpact(adminActor, customerId);

    expect(impact.walletCount).toBe(2);
    expect(impact.fundedBalances).toEqual([
      { walletId: polygon.id, network: 'polygon', currency: 'USDC', amount: '12.500000' },
      {
        walletId: ethereum.id,
        network: 'ethereum',
        currency: 'ETH',
        amount: '0.000000000000000001',
      },
    ]);
    expect(impact.blockedReason).toMatch(/still holds funds \(2 non-zero balances\)/);
  });

  it('is not blocked by balances that were emptied, and deleteCustomer agrees', async () => {
    const customerId = await insertCustomer();
    const wallet = await createWallet(context, customerId, { network: 'solana' });
    await credit(wallet.id, 'SOL', '1');
    await credit(wallet.id, 'USDC', '3');
    await debit(wallet.id, 'SOL', '1');
    expect((await getDeletionImpact(adminActor, customerId)).blockedReason).not.toBeNull();
    await expect(deleteCustomer(context, customerId)).rejects.toMatchObject({
      code: 'customer_has_balance',
    });

    await debit(wallet.id, 'USDC', '3');
    const impact = await getDeletionImpact(adminActor, customerId);
    expect(impact).toMatchObject({ walletCount: 1, fundedBalances: [], blockedReason: null });
    await expect(
      deleteCustomer(context, customerId, { reason: 'asked by email' }),
    ).resolves.toEqual({ id: customerId, object: 'customer', deleted: true });
  });

  it('records that a reason was given for a delete, never the reason itself', async () => {
    const customerId = await insertCustomer();
    await deleteCustomer(context, customerId, { reason: 'Jane Doe wrote to us' });
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.customerId, customerId), eq(auditEvents.action, 'customer.deleted')),
      );
    expect(event?.after).toEqual({ reasonGiven: true });
    expect(JSON.stringify(event)).not.toContain('Jane');
  });

  it('reports an open deletion request, and not a closed one', async () => {
    const customerId = await insertCustomer();
    await db
      .insert(staffUsers)
      .values({ id: 'staff-filer', name: 'Filer', email: 'filer@example.com', role: 'support' })
      .onConflictDoNothing();
    const request = {
      customerId,
      channel: 'email' as const,
      receivedOn: '2026-11-01',
      filedBy: 'staff-filer',
    };
    await db.insert(deletionRequests).values({
      ...request,
      id: `dr_${customerId}closed`,
      dueOn: '2026-11-20',
      status: 'rejected',
    });
    expect((await getDeletionImpact(adminActor, customerId)).openDeletionRequest).toBeNull();

    await db
      .insert(deletionRequests)
      .values({ ...request, id: `dr_${customerId}open`, dueOn: '2026-12-01' });
    expect((await getDeletionImpact(adminActor, customerId)).openDeletionRequest).toEqual({
      id: `dr_${customerId}open`,
      dueOn: '2026-12-01',
    });
  });

  it('is for admins only: support and viewers are refused', async () => {
    const customerId = await insertCustomer();
    for (const role of ['support', 'viewer'] as const) {
      await expect(getDeletionImpact(staff(role), customerId)).rejects.toBeInstanceOf(
        ForbiddenError,
      );
    }
  });

  it('answers not found for unknown, malformed and deleted customers', async () => {
    const deleted = await insertCustomer({ deleted: true });
    for (const id of [newCustomerId('business'), 'not-an-id', deleted]) {
      await expect(getDeletionImpact(adminActor, id)).rejects.toBeInstanceOf(NotFoundError);
    }
  });
});
