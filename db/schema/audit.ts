import { bigserial, index, jsonb, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const auditActorType = pgEnum('audit_actor_type', ['staff', 'api_key', 'system']);
export const auditSource = pgEnum('audit_source', ['dashboard', 'api', 'cli', 'system']);

/**
 * Append-only (a trigger refuses UPDATE and DELETE). Holds field names and non-personal
 * before/after values only, never personal data, so erasure never has to touch it.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, precision: 3 })
      .notNull()
      .defaultNow(),
    actorType: auditActorType('actor_type').notNull(),
    actorId: text('actor_id'),
    actorLabel: text('actor_label'),
    source: auditSource('source').notNull(),
    requestId: text('request_id'),
    action: text('action').notNull(),
    customerId: text('customer_id'),
    changedFields: text('changed_fields').array().notNull().default([]),
    before: jsonb('before').$type<Record<string, unknown>>(),
    after: jsonb('after').$type<Record<string, unknown>>(),
  },
  (t) => [
    index('audit_events_time_idx').on(t.occurredAt.desc(), t.id.desc()),
    index('audit_events_customer_idx').on(t.customerId, t.occurredAt.desc(), t.id.desc()),
    index('audit_events_actor_idx').on(t.actorId, t.occurredAt.desc(), t.id.desc()),
    index('audit_events_action_idx').on(t.action, t.occurredAt.desc(), t.id.desc()),
  ],
);

export type AuditEvent = typeof auditEvents.$inferSelect;
export type NewAuditEvent = typeof auditEvents.$inferInsert;
