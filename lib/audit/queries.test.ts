import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditEvents, customers } from '@/db/schema';
import type { ApiKeyActor, StaffActor } from '@/lib/auth/actor';
import type { RequestContext } from '@/lib/context';
import { newCustomerId } from '@/lib/ids';
import { recordAudit } from './record';
import { listCustomerActivity } from './queries';

const viewer: StaffActor = {
  kind: 'staff',
  id: 'staff_viewer',
  role: 'viewer',
  name: 'Val Viewer',
  email: 'viewer@example.com',
};
const apiKey: ApiKeyActor = { kind: 'api_key', id: 'key_1', name: 'Checkout', mode: 'test' };

async function insertCustomer(): Promise<string> {
  const id = newCustomerId('individual');
  await db.insert(customers).values({ id, type: 'individual' });
  return id;
}

async function record(
  customerId: string,
  context: Omit<RequestContext, 'requestId'>,
  entry: Omit<Parameters<typeof recordAudit>[2], 'customerId'>,
) {
  await recordAudit(db, { ...context, requestId: 'req_activity01' }, { ...entry, customerId });
}

describe('listCustomerActivity', () => {
  it('lists a customer’s events newest first with actor, source, action and changed fields', async () => {
    const customerId = await insertCustomer();
    const other = await insertCustomer();
    await record(
      customerId,
      { actor: apiKey, source: 'api' },
      { action: 'customer.created', changedFields: ['email', 'firstName'] },
    );
    await record(
      customerId,
      { actor: viewer, source: 'dashboard' },
      { action: 'customer.contact_revealed', after: { revealed: ['email'] } },
    );
    await record(
      other,
      { actor: viewer, source: 'dashboard' },
      { action: 'customer.contact_revealed' },
    );

    const activity = await listCustomerActivity(viewer, customerId);

    expect(activity).toEqual([
      {
        id: expect.any(Number),
        occurredAt: expect.any(Date),
        actorLabel: 'viewer@example.com',
        actorType: 'staff',
        source: 'dashboard',
        action: 'customer.contact_revealed',
        changedFields: [],
        statusChange: null,
      },
      {
        id: expect.any(Number),
        occurredAt: expect.any(Date),
        actorLabel: 'API key Checkout',
        actorType: 'api_key',
        source: 'api',
        action: 'customer.created',
        changedFields: ['email', 'firstName'],
        statusChange: null,
      },
    ]);
  });

  it('orders events of the same instant by their sequence, newest first', async () => {
    const customerId = await insertCustomer();
    const at = new Date('2026-03-01T12:00:00.000Z');
    await db.insert(auditEvents).values(
      ['first', 'second', 'third'].map((action) => ({
        occurredAt: at,
        actorType: 'system' as const,
        source: 'system' as const,
        action,
        customerId,
      })),
    );
    const activity = await listCustomerActivity(viewer, customerId);
    expect(activity.map((entry) => entry.action)).toEqual(['third', 'second', 'first']);
    expect(activity[0]?.actorLabel).toBe('System');
  });

  it('shows the status change of a KYC decision', async () => {
    const customerId = await insertCustomer();
    await record(
      customerId,
      { actor: viewer, source: 'dashboard' },
      {
        action: 'kyc.decided',
        changedFields: ['status'],
        before: { status: 'under_review' },
        after: { status: 'approved', decision: 'approve' },
      },
    );
    const [entry] = await listCustomerActivity(viewer, customerId);
    expect(entry?.statusChange).toEqual({ from: 'under_review', to: 'approved' });
  });

  it('returns at most the limit, 20 by default', async () => {
    const customerId = await insertCustomer();
    await db.insert(auditEvents).values(
      Array.from({ length: 25 }, (_, n) => ({
        actorType: 'system' as const,
        source: 'system' as const,
        action: `event.${n}`,
        customerId,
      })),
    );
    expect(await listCustomerActivity(viewer, customerId)).toHaveLength(20);
    expect(await listCustomerActivity(viewer, customerId, 5)).toHaveLength(5);
    expect(await listCustomerActivity(viewer, customerId, 0)).toHaveLength(1);
  });

  it('is empty for a customer without events and refuses a malformed id', async () => {
    expect(await listCustomerActivity(viewer, await insertCustomer())).toEqual([]);
    await expect(listCustomerActivity(viewer, 'DROP TABLE')).rejects.toMatchObject({
      code: 'customer_not_found',
    });
  });
});
