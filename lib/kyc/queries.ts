import 'server-only';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { db } from '@/db/client';
import { customers, kycDecisions, staffUsers } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { authorize } from '@/lib/auth/permissions';
import { customerNotFound } from '@/lib/customers/errors';
import type { CustomerStatus } from '@/lib/customers/schemas';
import { isCustomerIdShape } from '@/lib/ids';
import type { KycDecision } from './schemas';

export type KycDecisionEntry = {
  id: string;
  decision: KycDecision;
  fromStatus: CustomerStatus;
  toStatus: CustomerStatus;
  reason: string;
  decidedBy: { id: string; name: string | null };
  createdAt: Date;
};

/**
 * A live customer's KYC history, newest first, with the name of the staff member who decided
 * (null when that account no longer exists). 404 for malformed, unknown and deleted customers.
 */
export async function listKycDecisions(
  actor: Actor,
  customerId: string,
): Promise<KycDecisionEntry[]> {
  authorize(actor, 'customers:read');
  if (!isCustomerIdShape(customerId)) throw customerNotFound();
  // From the customer outwards, so one query tells "no decisions yet" from "no such customer".
  const rows = await db
    .select({ customerId: customers.id, decision: kycDecisions, deciderName: staffUsers.name })
    .from(customers)
    .leftJoin(kycDecisions, eq(kycDecisions.customerId, customers.id))
    .leftJoin(staffUsers, eq(staffUsers.id, kycDecisions.decidedBy))
    .where(and(eq(customers.id, customerId), isNull(customers.deletedAt)))
    .orderBy(desc(kycDecisions.createdAt), desc(kycDecisions.id));
  if (rows.length === 0) throw customerNotFound();
  return rows.flatMap(({ decision, deciderName }) =>
    decision
      ? [
          {
            id: decision.id,
            decision: decision.decision,
            fromStatus: decision.fromStatus,
            toStatus: decision.toStatus,
            reason: decision.reason,
            decidedBy: { id: decision.decidedBy, name: deciderName },
            createdAt: decision.createdAt,
          },
        ]
      : [],
  );
}
