import { desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditEvents, customers, kycDecisions, staffUsers } from '@/db/schema';
import type { StaffActor } from '@/lib/auth/actor';
import type { RequestContext } from '@/lib/context';
import type { CustomerStatus } from '@/lib/customers/schemas';
import { newCustomerId } from '@/lib/ids';
import { recordKycDecision } from './commands';
import { listKycDecisions } from './queries';

function staff(role: StaffActor['role'], id = `staff_${role}`): StaffActor {
  return { kind: 'staff', id, role, name: `Test ${role}`, email: `${role}@example.com` };
}
const admin = staff('admin', 'staff_kyc_admin');
const context = (actor: StaffActor): RequestContext => ({
  actor,
  requestId: 'req_kyctest01',
  source: 'dashboard',
});

async function insertCustomer(
  options: { status?: CustomerStatus; deleted?: boolean } = {},
): Promise<string> {
  const id = newCustomerId('individual');
  await db.insert(customers).values({
    id,
    type: 'individual',
    status: options.status ?? 'under_review',
    deletedAt: options.deleted ? new Date() : null,
  });
  return id;
}

async function customerRow(id: string) {
  const [row] = await db.select().from(customers).where(eq(customers.id, id));
  return row!;
}

async function auditFor(customerId: string) {
  return db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.customerId, customerId))
    .orderBy(desc(auditEvents.id));
}

describe('recordKycDecision', () => {
  it.each([
    ['approve', 'approved'],
    ['reject', 'rejected'],
    ['request_more', 'incomplete'],
  ] as const)(
    'a decision to %s moves the customer to %s and writes history and audit',
    async (decision, status) => {
      const customerId = await insertCustomer({ status: 'under_review' });
      const before = await customerRow(customerId);

      const recorded = await recordKycDecision(context(admin), customerId, {
        decision,
        reason: '  Documents checked against the register  ',
      });

      expect(recorded).toMatchObject({
        id: expect.stringMatching(/^kyc_[A-Za-z0-9]{18}$/),
        customerId,
        decision,
        fromStatus: 'under_review',
        toStatus: status,
        reason: 'Documents checked against the register',
        decidedBy: admin.id,
      });
      const after = await customerRow(customerId);
      expect(after.status).toBe(status);
      expect(after.version).toBe(before.version + 1);
      expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());

      const history = await db
        .select()
        .from(kycDecisions)
        .where(eq(kycDecisions.customerId, customerId));
      expect(history).toHaveLength(1);

      const [event] = await auditFor(customerId);
      expect(event).toMatchObject({
        action: 'kyc.decided',
        actorType: 'staff',
        actorId: admin.id,
        source: 'dashboard',
        requestId: 'req_kyctest01',
        changedFields: ['status'],
        before: { status: 'under_review' },
        after: { status, decision },
      });
    },
  );

  it('keeps the reason out of the audit trail', async () => {
    const customerId = await insertCustomer();
    const reason = 'Passport of Jane Doe expired on 2026-01-01';
    await recordKycDecision(context(admin), customerId, { decision: 'reject', reason });
    const [event] = await auditFor(customerId);
    expect(JSON.stringify(event)).not.toContain('Jane Doe');
    expect(JSON.stringify(event)).not.toContain('Passport');
  });

  it('lists the history newest first with the name of the deciding staff member', async () => {
    await db
      .insert(staffUsers)
      .values({ id: admin.id, name: 'Kim Kyc', email: 'kim.kyc@example.com', role: 'admin' });
    const customerId = await insertCustomer({ status: 'pending_verification' });
    await recordKycDecision(context(admin), customerId, {
      decision: 'request_more',
      reason: 'Proof of address is missing',
    });
    await recordKycDecision(context(admin), customerId, {
      decision: 'approve',
      reason: 'Proof of address received',
    });

    const history = await listKycDecisions(staff('viewer'), customerId);
    expect(history).toEqual([
      {
        id: expect.stringMatching(/^kyc_/),
        decision: 'approve',
        fromStatus: 'incomplete',
        toStatus: 'approved',
        reason: 'Proof of address received',
        decidedBy: { id: admin.id, name: 'Kim Kyc' },
        createdAt: expect.any(Date),
      },
      {
        id: expect.stringMatching(/^kyc_/),
        decision: 'request_more',
        fromStatus: 'pending_verification',
        toStatus: 'incomplete',
        reason: 'Proof of address is missing',
        decidedBy: { id: admin.id, name: 'Kim Kyc' },
        createdAt: expect.any(Date),
      },
    ]);
    expect(history[0]!.createdAt.getTime()).toBeGreaterThan(history[1]!.createdAt.getTime());
  });

  it('lists no history for a customer without decisions', async () => {
    expect(await listKycDecisions(admin, await insertCustomer())).toEqual([]);
  });

  it.each(['support', 'viewer'] as const)(
    'forbids %s staff to decide and changes nothing',
    async (role) => {
      const customerId = await insertCustomer();
      await expect(
        recordKycDecision(context(staff(role)), customerId, {
          decision: 'approve',
          reason: 'Looks fine',
        }),
      ).rejects.toMatchObject({ status: 403, code: 'forbidden' });
      expect((await customerRow(customerId)).status).toBe('under_review');
      expect(await auditFor(customerId)).toEqual([]);
    },
  );

  it.each([
    ['a missing reason', { decision: 'approve' }],
    ['an empty reason', { decision: 'approve', reason: '' }],
    ['a reason of only spaces', { decision: 'approve', reason: '   ' }],
  ])('refuses %s with a validation error on the reason', async (_, input) => {
    const customerId = await insertCustomer();
    await expect(
      // The command's input type requires a reason; the form and action may still send none.
      recordKycDecision(
        context(admin),
        customerId,
        input as { decision: 'approve'; reason: string },
      ),
    ).rejects.toMatchObject({
      status: 400,
      code: 'validation_failed',
      errors: [{ field: 'reason', message: 'Give a reason for the decision' }],
    });
    expect((await customerRow(customerId)).status).toBe('under_review');
  });

  it('refuses an unknown decision', async () => {
    const customerId = await insertCustomer();
    await expect(
      recordKycDecision(context(admin), customerId, {
        decision: 'escalate' as 'approve',
        reason: 'Unsure',
      }),
    ).rejects.toMatchObject({ status: 400, errors: [{ field: 'decision' }] });
  });

  it('answers customer_not_found for deleted, unknown and malformed customers', async () => {
    const deleted = await insertCustomer({ deleted: true });
    for (const id of [deleted, 'cus_unknown000000000001', 'not-an-id']) {
      await expect(
        recordKycDecision(context(admin), id, { decision: 'approve', reason: 'Fine' }),
      ).rejects.toMatchObject({ status: 404, code: 'customer_not_found' });
      await expect(listKycDecisions(admin, id)).rejects.toMatchObject({
        code: 'customer_not_found',
      });
    }
    expect((await customerRow(deleted)).status).toBe('under_review');
    expect(
      await db.select().from(kycDecisions).where(eq(kycDecisions.customerId, deleted)),
    ).toEqual([]);
  });
});
