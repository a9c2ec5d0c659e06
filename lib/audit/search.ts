import 'server-only';
import { and, asc, eq, gte, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db/client';
import { descNullsLast } from '@/db/order';
import { apiKeys, auditEvents, customers, staffUsers, type AuditEvent } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { authorize } from '@/lib/auth/permissions';
import { isCalendarDay } from '@/lib/customers/search-params';
import { isCustomerIdShape } from '@/lib/ids';
import { parseOrThrow } from '@/lib/validation';
import {
  auditFiltersFingerprint,
  decodeAuditCursor,
  encodeAuditCursor,
  type AuditCursor,
  type AuditCursorDirection,
} from './cursor';

export const AUDIT_PAGE_SIZE_DEFAULT = 50;
export const AUDIT_PAGE_SIZE_MAX = 100;

const DAY_MS = 86_400_000;
const ACTION_PATTERN = /^[a-z][a-z_]*(\.[a-z][a-z_]*)+$/;

const day = z.string().refine(isCalendarDay, 'Must be a date, YYYY-MM-DD');

/** Blank and missing values mean "no filter", as an HTML form or a cleared URL sends them. */
function dropBlankValues(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  return Object.fromEntries(
    Object.entries(input).filter(
      ([, value]) => value !== undefined && value !== null && value !== '',
    ),
  );
}

export const auditSearchSchema = z.preprocess(
  dropBlankValues,
  z
    .strictObject({
      actor: z.string().trim().min(1).max(200, 'Must be at most 200 characters').optional(),
      action: z
        .string()
        .max(100, 'Must be at most 100 characters')
        .regex(ACTION_PATTERN, 'Must be an action such as customer.updated')
        .optional(),
      customerId: z
        .string()
        .refine(isCustomerIdShape, 'Must be a customer id (cus_… or biz_…)')
        .optional(),
      from: day.optional(),
      to: day.optional(),
      cursor: z.string().max(512, 'Is not a cursor of this audit log').optional(),
      limit: z.coerce
        .number({ error: 'Must be a whole number' })
        .int('Must be a whole number')
        .min(1, 'Must be at least 1')
        .max(AUDIT_PAGE_SIZE_MAX, `Must be at most ${AUDIT_PAGE_SIZE_MAX}`)
        .default(AUDIT_PAGE_SIZE_DEFAULT),
    })
    .refine((value) => !value.from || !value.to || value.from <= value.to, {
      path: ['to'],
      message: 'Must not be before the start date',
    }),
);

/**
 * What the audit log can be asked for: every filter optional and combined with AND; `from`
 * and `to` are whole UTC days, both included. Null and '' mean "no filter".
 */
export type AuditSearchInput = {
  /** A staff member's or API key's id (`actor_id`). */
  actor?: string | null;
  action?: string | null;
  customerId?: string | null;
  from?: string | null;
  to?: string | null;
  cursor?: string | null;
  limit?: number | string | null;
};

/** One audit event as the log shows it. Audit rows hold no personal data, so nothing is masked. */
export type AuditEventRow = {
  id: number;
  occurredAt: string;
  actorType: AuditEvent['actorType'];
  actorId: string | null;
  actorLabel: string;
  source: AuditEvent['source'];
  requestId: string | null;
  action: string;
  customerId: string | null;
  /** The customer still exists (not erased), so the log can link to it. */
  customerLive: boolean;
  changedFields: string[];
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

export type AuditSearchPage = {
  /** Newest first. */
  events: AuditEventRow[];
  /** The page of events just newer than these; null when these are the newest. */
  newerCursor: string | null;
  /** The page of events just older than these; null when there are none. */
  olderCursor: string | null;
  limit: number;
};

type AuditFilters = {
  actor?: string;
  action?: string;
  customerId?: string;
  from?: string;
  to?: string;
};

/**
 * The audit trail, newest first (occurredAt desc, id desc), filtered and walked by keyset
 * cursors in both directions: never OFFSET, so page 10,000 costs what page 1 does. Each filter
 * has an index that starts with its column and ends in (occurred_at desc, id desc).
 */
export async function searchAuditEvents(
  actor: Actor,
  input: AuditSearchInput,
): Promise<AuditSearchPage> {
  authorize(actor, 'audit:read');
  const { cursor, limit, ...filters } = parseOrThrow(auditSearchSchema, input);
  const fingerprint = auditFiltersFingerprint(filters);
  const position = cursor ? decodeAuditCursor(cursor, fingerprint) : null;
  const where = auditFilterConditions(filters);
  const encode = (row: AuditEvent, direction: AuditCursorDirection) =>
    encodeAuditCursor({ occurredAt: row.occurredAt, id: row.id, direction }, fingerprint);

  if (position?.direction === 'newer') {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(and(where, beyond(position)))
      // The same indexes read backwards: ASC NULLS FIRST is exactly their reverse order.
      .orderBy(
        sql`${auditEvents.occurredAt} asc nulls first`,
        sql`${auditEvents.id} asc nulls first`,
      )
      .limit(limit + 1);
    // Back at the top: show the newest page itself, full, rather than a short remainder.
    if (rows.length <= limit) return searchAuditEvents(actor, { ...filters, limit });
    const events = rows.slice(0, limit).reverse();
    return {
      events: await presentEvents(events),
      newerCursor: encode(events[0]!, 'newer'),
      olderCursor: encode(events.at(-1)!, 'older'),
      limit,
    };
  }

  const rows = await db
    .select()
    .from(auditEvents)
    .where(position ? and(where, beyond(position)) : where)
    .orderBy(...descNullsLast(auditEvents.occurredAt, auditEvents.id))
    .limit(limit + 1);
  const events = rows.slice(0, limit);
  const first = events[0];
  const last = events.at(-1);
  return {
    events: await presentEvents(events),
    newerCursor: position && first ? encode(first, 'newer') : null,
    olderCursor: rows.length > limit && last ? encode(last, 'older') : null,
    limit,
  };
}

function auditFilterConditions(filters: AuditFilters): SQL | undefined {
  const conditions: SQL[] = [];
  if (filters.actor) conditions.push(eq(auditEvents.actorId, filters.actor));
  if (filters.action) conditions.push(eq(auditEvents.action, filters.action));
  if (filters.customerId) conditions.push(eq(auditEvents.customerId, filters.customerId));
  if (filters.from) conditions.push(gte(auditEvents.occurredAt, startOfDay(filters.from)));
  if (filters.to) {
    conditions.push(
      lt(auditEvents.occurredAt, new Date(startOfDay(filters.to).getTime() + DAY_MS)),
    );
  }
  return conditions.length > 0 ? and(...conditions) : undefined;
}

function startOfDay(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** Strictly older (or newer) than the cursor's event, as one row comparison the index serves. */
function beyond(position: AuditCursor): SQL {
  const key = sql`(${auditEvents.occurredAt}, ${auditEvents.id})`;
  const at = sql`(${position.occurredAt.toISOString()}::timestamptz, ${position.id}::bigint)`;
  return position.direction === 'older' ? sql`${key} < ${at}` : sql`${key} > ${at}`;
}

async function presentEvents(rows: AuditEvent[]): Promise<AuditEventRow[]> {
  const customerIds = [...new Set(rows.flatMap((row) => (row.customerId ? [row.customerId] : [])))];
  const live =
    customerIds.length === 0
      ? []
      : await db
          .select({ id: customers.id })
          .from(customers)
          .where(and(inArray(customers.id, customerIds), isNull(customers.deletedAt)));
  const liveIds = new Set(live.map((row) => row.id));
  return rows.map((row) => ({
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    actorType: row.actorType,
    actorId: row.actorId,
    actorLabel: row.actorLabel ?? (row.actorType === 'system' ? 'System' : (row.actorId ?? '—')),
    source: row.source,
    requestId: row.requestId,
    action: row.action,
    customerId: row.customerId,
    customerLive: row.customerId !== null && liveIds.has(row.customerId),
    changedFields: row.changedFields,
    before: row.before,
    after: row.after,
  }));
}

export type AuditActorOption = { id: string; label: string; kind: 'staff' | 'api_key' };

/**
 * Who can appear in the log, for its actor filter: staff members by email and API keys by
 * name. The log already shows these labels on every event, so the list reveals nothing more.
 */
export async function listAuditActors(actor: Actor): Promise<AuditActorOption[]> {
  authorize(actor, 'audit:read');
  const [staff, keys] = await Promise.all([
    db
      .select({ id: staffUsers.id, email: staffUsers.email })
      .from(staffUsers)
      .orderBy(asc(staffUsers.email)),
    db
      .select({ id: apiKeys.id, name: apiKeys.name, mode: apiKeys.mode })
      .from(apiKeys)
      .orderBy(asc(apiKeys.name), asc(apiKeys.id)),
  ]);
  return [
    ...staff.map((member) => ({ id: member.id, label: member.email, kind: 'staff' as const })),
    ...keys.map((key) => ({
      id: key.id,
      label: `${key.name} (${key.mode})`,
      kind: 'api_key' as const,
    })),
  ];
}
