import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditEvents, customers, wallets } from '@/db/schema';
import type { ApiKeyActor, StaffActor } from '@/lib/auth/actor';
import type { RequestContext } from '@/lib/context';
import { ForbiddenError } from '@/lib/errors';
import { newCustomerId } from '@/lib/ids';
import { NETWORKS } from '@/lib/money/currencies';
import { isValidAddress } from './addresses';
import { createWallet } from './commands';
import { presentWallet } from './queries';

const actor: ApiKeyActor = { kind: 'api_key', id: 'key_test', name: 'test', mode: 'test' };
const context: RequestContext = { actor, requestId: 'req_test0001', source: 'api' };
const viewer: StaffActor = {
  kind: 'staff',
  id: 'staff_viewer',
  role: 'viewer',
  name: 'V',
  email: 'v@example.com',
};

async function insertCustomer(options: { deleted?: boolean } = {}): Promise<string> {
  const id = newCustomerId('individual');
  await db
    .insert(customers)
    .values({ id, type: 'individual', deletedAt: options.deleted ? new Date() : null });
  return id;
}

async function walletCount(customerId: string): Promise<number> {
  const rows = await db
    .select({ id: wallets.id })
    .from(wallets)
    .where(eq(wallets.customerId, customerId));
  return rows.length;
}

describe('createWallet', () => {
  it('opens one wallet per network, each with a well-formed address of its own', async () => {
    const customerId = await insertCustomer();
    const created = [];
    for (const network of NETWORKS)
      created.push(await createWallet(context, customerId, { network }));

    expect(created.map((wallet) => wallet.network)).toEqual([...NETWORKS]);
    for (const wallet of created) {
      expect(wallet.id).toMatch(/^wal_[A-Za-z0-9]{18}$/);
      expect(wallet.customerId).toBe(customerId);
      expect(isValidAddress(wallet.network, wallet.address)).toBe(true);
    }
    expect(new Set(created.map((wallet) => wallet.address)).size).toBe(NETWORKS.length);
    expect(await walletCount(customerId)).toBe(NETWORKS.length);
  });

  it('presents the wallet with the contract fields and a millisecond ISO time', async () => {
    const customerId = await insertCustomer();
    const wallet = presentWallet(await createWallet(context, customerId, { network: 'polygon' }));
    expect(Object.keys(wallet).sort()).toEqual([
      'address',
      'createdAt',
      'customerId',
      'id',
      'network',
    ]);
    expect(wallet).toMatchObject({ customerId, network: 'polygon' });
    expect(wallet.address).toMatch(/^0x[0-9a-f]{40}$/);
    expect(wallet.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('refuses a second wallet on the same network with 409 wallet_exists', async () => {
    const customerId = await insertCustomer();
    await createWallet(context, customerId, { network: 'tron' });
    await expect(createWallet(context, customerId, { network: 'tron' })).rejects.toMatchObject({
      status: 409,
      code: 'wallet_exists',
    });
    expect(await walletCount(customerId)).toBe(1);
  });

  it('creates exactly one wallet when the same network is requested concurrently', async () => {
    const customerId = await insertCustomer();
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => createWallet(context, customerId, { network: 'solana' })),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    for (const result of results) {
      if (result.status === 'rejected')
        expect(result.reason).toMatchObject({ code: 'wallet_exists' });
    }
    expect(await walletCount(customerId)).toBe(1);
  });

  it.each([
    ['an unknown network', { network: 'bitcoin' }, ['network']],
    ['a network in the wrong letter case', { network: 'Polygon' }, ['network']],
    ['a missing network', {}, ['network']],
    ['a network that is not a string', { network: 7 }, ['network']],
    ['an unknown field', { network: 'base', address: '0x00' }, ['address']],
  ])('refuses %s with a 400 naming the field', async (_label, input, fields) => {
    const customerId = await insertCustomer();
    const error = await createWallet(context, customerId, input).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 400, code: 'validation_failed' });
    expect((error as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(fields);
    expect(await walletCount(customerId)).toBe(0);
  });

  it.each([
    ['a malformed id', 'not-an-id'],
    ['an unknown id', 'cus_doesnotexist0000001'],
  ])('answers customer_not_found for %s', async (_label, customerId) => {
    await expect(createWallet(context, customerId, { network: 'base' })).rejects.toMatchObject({
      status: 404,
      code: 'customer_not_found',
    });
  });

  it('answers customer_not_found for a deleted customer, even with a bad body', async () => {
    const customerId = await insertCustomer({ deleted: true });
    await expect(createWallet(context, customerId, { network: 'base' })).rejects.toMatchObject({
      code: 'customer_not_found',
    });
    await expect(createWallet(context, customerId, { network: 'nope' })).rejects.toMatchObject({
      code: 'customer_not_found',
    });
    expect(await walletCount(customerId)).toBe(0);
  });

  it('writes a wallet.created audit event in the same transaction', async () => {
    const customerId = await insertCustomer();
    const wallet = await createWallet(context, customerId, { network: 'arbitrum' });
    const events = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.customerId, customerId), eq(auditEvents.action, 'wallet.created')));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorType: 'api_key',
      actorId: 'key_test',
      source: 'api',
      requestId: 'req_test0001',
      after: { walletId: wallet.id, network: 'arbitrum' },
    });
  });

  it('forbids a viewer and writes nothing', async () => {
    const customerId = await insertCustomer();
    const viewerContext: RequestContext = {
      actor: viewer,
      requestId: 'req_test0002',
      source: 'dashboard',
    };
    await expect(
      createWallet(viewerContext, customerId, { network: 'base' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await walletCount(customerId)).toBe(0);
    const audit = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from audit_events where customer_id = ${customerId}`,
    );
    expect(audit.rows[0]?.n).toBe(0);
  });
});
