import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { db } from '@/db/client';
import { customers } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { authorize } from '@/lib/auth/permissions';
import type { RequestContext } from '@/lib/context';
import { isCustomerIdShape } from '@/lib/ids';
import { customerNotFound } from './errors';

export type CustomerContact = { email: string | null; phone: string | null };

/**
 * The unmasked email and phone for a staff member who sees them masked. Any staff member may
 * reveal them, but never silently: the read and its audit event share one transaction, so
 * nothing is revealed unless the reveal was recorded. The event names the fields, not values.
 */
export async function revealCustomerContact(
  context: RequestContext,
  customerId: string,
): Promise<CustomerContact> {
  authorize(context.actor, 'customers:read');
  if (!isCustomerIdShape(customerId)) throw customerNotFound();
  return db.transaction(async (tx) => {
    const [contact] = await tx
      .select({ email: customers.email, phone: customers.phone })
      .from(customers)
      .where(and(eq(customers.id, customerId), isNull(customers.deletedAt)));
    if (!contact) throw customerNotFound();
    await recordAudit(tx, context, {
      action: 'customer.contact_revealed',
      customerId,
      after: {
        revealed: (['email', 'phone'] as const).filter((field) => contact[field] !== null),
      },
    });
    return contact;
  });
}
