import { desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditEvents, customers } from '@/db/schema';
import type { StaffActor } from '@/lib/auth/actor';
import type { RequestContext } from '@/lib/context';
import { newCustomerId } from '@/lib/ids';
import { revealCustomerContact } from './contact';

const viewer: StaffActor = {
  kind: 'staff',
  id: 'staff_viewer',
  role: 'viewer',
  name: 'Val Viewer',
  email: 'viewer@example.com',
};
const context: RequestContext = { actor: viewer, requestId: 'req_reveal0001', source: 'dashboard' };

async function insertCustomer(
  values: { email?: string | null; phone?: string | null; deleted?: boolean } = {},
) {
  const id = newCustomerId('individual');
  await db.insert(customers).values({
    id,
    type: 'individual',
    email: values.email ?? null,
    phone: values.phone ?? null,
    deletedAt: values.deleted ? new Date() : null,
  });
  return id;
}

async function auditFor(customerId: string) {
  return db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.customerId, customerId))
    .orderBy(desc(auditEvents.id));
}

describe('revealCustomerContact', () => {
  it('returns the full email and phone to a viewer and records the reveal without the values', async () => {
    const customerId = await insertCustomer({
      email: 'jane.reveal@example.com',
      phone: '+14155550100',
    });

    const contact = await revealCustomerContact(context, customerId);

    expect(contact).toEqual({ email: 'jane.reveal@example.com', phone: '+14155550100' });
    const events = await auditFor(customerId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'customer.contact_revealed',
      actorType: 'staff',
      actorId: viewer.id,
      actorLabel: viewer.email,
      source: 'dashboard',
      requestId: 'req_reveal0001',
      after: { revealed: ['email', 'phone'] },
    });
    const stored = JSON.stringify(events[0]);
    expect(stored).not.toContain('jane.reveal');
    expect(stored).not.toContain('5550100');
  });

  it('records every reveal, and names only the fields that hold a value', async () => {
    const customerId = await insertCustomer({ email: 'only.email@example.com' });
    await revealCustomerContact(context, customerId);
    expect(await revealCustomerContact(context, customerId)).toEqual({
      email: 'only.email@example.com',
      phone: null,
    });
    const events = await auditFor(customerId);
    expect(events.map((event) => event.after)).toEqual([
      { revealed: ['email'] },
      { revealed: ['email'] },
    ]);
  });

  it('answers customer_not_found for deleted, unknown and malformed ids, and records nothing', async () => {
    const deleted = await insertCustomer({ deleted: true });
    for (const id of [deleted, 'cus_unknown000000000001', 'cus_!']) {
      await expect(revealCustomerContact(context, id)).rejects.toMatchObject({
        status: 404,
        code: 'customer_not_found',
      });
    }
    expect(await auditFor(deleted)).toEqual([]);
  });
});
