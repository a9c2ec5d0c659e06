import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { customers, kycDecisions } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { authorize } from '@/lib/auth/permissions';
import type { RequestContext } from '@/lib/context';
import { customerNotFound } from '@/lib/customers/errors';
import { isCustomerIdShape, randomBase62 } from '@/lib/ids';
import { parseOrThrow } from '@/lib/validation';
import { KYC_DECISION_STATUS, kycDecisionSchema, type KycDecisionInput } from './schemas';

export type KycDecisionRecord = typeof kycDecisions.$inferSelect;

/**
 * Records an admin's KYC decision: moves the customer's status, keeps the decision and its
 * reason in the KYC history, and audits the move. The audit entry holds the decision and the
 * statuses only; the reason may name documents or personal circumstances, so it stays in
 * `kyc_decisions`, which erasure can reach.
 */
export async function recordKycDecision(
  context: RequestContext,
  customerId: string,
  input: KycDecisionInput,
): Promise<KycDecisionRecord> {
  authorize(context.actor, 'kyc:decide');
  if (!isCustomerIdShape(customerId)) throw customerNotFound();
  const { decision, reason } = parseOrThrow(kycDecisionSchema, input);
  const toStatus = KYC_DECISION_STATUS[decision];

  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ status: customers.status })
      .from(customers)
      .where(and(eq(customers.id, customerId), isNull(customers.deletedAt)))
      .for('update');
    if (!current) throw customerNotFound();

    await tx
      .update(customers)
      .set({
        status: toStatus,
        version: sql`${customers.version} + 1`,
        // Strictly increasing even for two updates within one millisecond, as every update.
        updatedAt: sql`greatest(now(), ${customers.updatedAt} + interval '1 millisecond')`,
      })
      .where(eq(customers.id, customerId));
    const [recorded] = await tx
      .insert(kycDecisions)
      .values({
        id: `kyc_${randomBase62(18)}`,
        customerId,
        decision,
        fromStatus: current.status,
        toStatus,
        reason,
        decidedBy: context.actor.id,
        // The customer row is locked, so this customer's decisions are written one at a time
        // and the history keeps their order even when two land within one millisecond.
        createdAt: sql`greatest(now(), (select max(${kycDecisions.createdAt}) + interval '1 millisecond' from ${kycDecisions} where ${kycDecisions.customerId} = ${customerId}))`,
      })
      .returning();
    await recordAudit(tx, context, {
      action: 'kyc.decided',
      customerId,
      changedFields: ['status'],
      before: { status: current.status },
      after: { status: toStatus, decision },
    });
    return recorded!;
  });
}
