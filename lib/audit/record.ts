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

/** Appends one audit event; call it inside the write's own transaction. */
export async function recordAudit(db: Queryable, context: RequestContext, entry: AuditEntry) {
  const { actor } = context;
  await db.insert(auditEvents).values({
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
  });
}
