import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { descNullsLast } from '@/db/order';
import { auditEvents, type AuditEvent } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { authorize } from '@/lib/auth/permissions';
import { customerNotFound } from '@/lib/customers/errors';
import { isCustomerIdShape } from '@/lib/ids';

export const ACTIVITY_LIMIT_DEFAULT = 20;
export const ACTIVITY_LIMIT_MAX = 100;

export type ActivityEntry = {
  id: number;
  occurredAt: Date;
  actorLabel: string;
  actorType: AuditEvent['actorType'];
  source: AuditEvent['source'];
  action: string;
  changedFields: string[];
  /** Set when the event moved the customer's status (both values are non-personal). */
  statusChange: { from: string; to: string } | null;
};

/**
 * The newest audit events about one customer. Audit rows hold no personal data, so anyone
 * who may read the audit trail may read them, including those of an erased customer.
 */
export async function listCustomerActivity(
  actor: Actor,
  customerId: string,
  limit = ACTIVITY_LIMIT_DEFAULT,
): Promise<ActivityEntry[]> {
  authorize(actor, 'audit:read');
  if (!isCustomerIdShape(customerId)) throw customerNotFound();
  const rows = await db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.customerId, customerId))
    .orderBy(...descNullsLast(auditEvents.occurredAt, auditEvents.id))
    .limit(clampLimit(limit));
  return rows.map((row) => ({
    id: row.id,
    occurredAt: row.occurredAt,
    actorLabel: row.actorLabel ?? (row.actorType === 'system' ? 'System' : (row.actorId ?? '—')),
    actorType: row.actorType,
    source: row.source,
    action: row.action,
    changedFields: row.changedFields,
    statusChange: statusChange(row.before, row.after),
  }));
}

function clampLimit(limit: number): number {
  if (!Number.isFinite(limit)) return ACTIVITY_LIMIT_DEFAULT;
  return Math.min(Math.max(Math.trunc(limit), 1), ACTIVITY_LIMIT_MAX);
}

function statusChange(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): ActivityEntry['statusChange'] {
  const from = before?.status;
  const to = after?.status;
  return typeof from === 'string' && typeof to === 'string' ? { from, to } : null;
}
