import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
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

/**
 * An INSERT of the entry's audit event for each row of `source` (a CTE of the same
 * statement): for a conditional write, whose event must exist exactly when the write matched.
 */
export function auditInsertPerRow(context: RequestContext, entry: AuditEntry, source: SQL): SQL {
  const event = auditEventValues(context, entry);
  const json = (value: Record<string, unknown> | undefined) =>
    value === undefined ? null : JSON.stringify(value);
  return sql`insert into audit_events (actor_type, actor_id, actor_label, source, request_id,
      action, customer_id, changed_fields, before, after)
    select ${event.actorType}, ${event.actorId}, ${event.actorLabel}, ${event.source},
      ${event.requestId}, ${event.action}, ${event.customerId},
      ${sql.param(event.changedFields)}::text[], ${json(event.before)}::jsonb,
      ${json(event.after)}::jsonb
    from ${source}`;
}
