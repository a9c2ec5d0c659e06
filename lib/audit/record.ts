import 'server-only';
import type { Queryable } from '@/db/client';
import { auditEvents } from '@/db/schema';
import { actorLabel } from '@/lib/auth/actor';
import type { RequestContext } from '@/lib/context';

export type AuditEntry = {
  action: string;
  customerId?: string | null;
  changedFields?: string[];
  /** Non-personal values only (status, type, KYC decision): never names, emails, phones… */
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
};

/** The audit_events row of an entry, for writes that insert it themselves (one statement). */
export function auditEventValues(context: RequestContext, entry: AuditEntry) {
  const { actor } = context;
  return {
    actorType: actor.kind,
    actorId: actor.id,
    actorLabel: actorLabel(actor),
    source: context.source,
    requestId: context.requestId,
    action: entry.action,
    customerId: entry.customerId ?? null,
    changedFields: entry.changedFields ?? [],
    before: entry.before,
    after: entry.after,
  } satisfies typeof auditEvents.$inferInsert;
}

/** Appends one audit event; call it inside the write's own transaction. */
export async function recordAudit(db: Queryable, context: RequestContext, entry: AuditEntry) {
  await db.insert(auditEvents).values(auditEventValues(context, entry));
}
