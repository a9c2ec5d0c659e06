import 'server-only';
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db } from '@/db/client';
import { customers, deletionRequests, staffUsers, type DeletionRequest } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/actor';
import { authorize, can } from '@/lib/auth/permissions';
import type { RequestContext } from '@/lib/context';
import { displayName } from '@/lib/customers/queries';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { isCustomerIdShape } from '@/lib/ids';
import { deletionRequestNotFound, isDeletionRequestIdShape } from './commands';
import type { DeletionReceipt } from './receipt';

export type DeletionRequestStatus = DeletionRequest['status'];
export type StaffName = { id: string; name: string | null };

/** A request as the queue lists it. */
export type DeletionRequestSummary = {
  id: string;
  customerId: string;
  /** The live customer's display name; null once the customer is erased (a tombstone). */
  customerName: string | null;
  customerErased: boolean;
  channel: DeletionRequest['channel'];
  externalReference: string | null;
  receivedOn: string;
  dueOn: string;
  status: DeletionRequestStatus;
  /** Days until the due date (negative: overdue), counted in UTC; null once closed. */
  daysLeft: number | null;
  overdue: boolean;
  filedBy: StaffName;
  reviewedBy: StaffName | null;
  reviewedAt: Date | null;
  createdAt: Date;
};

/** A request as its own page shows it. */
export type DeletionRequestDetail = DeletionRequestSummary & {
  /** Erased with the customer, so null on completed requests. */
  note: string | null;
  decisionReason: string | null;
  hasReceipt: boolean;
};

export type OpenDeletionRequest = Pick<
  DeletionRequestSummary,
  'id' | 'receivedOn' | 'dueOn' | 'overdue'
> & { daysLeft: number };

/** At most this many closed requests are listed, newest first. */
export const CLOSED_LIST_LIMIT = 100;

const filer = alias(staffUsers, 'filer');
const reviewer = alias(staffUsers, 'reviewer');
const todayUtc = sql`(now() at time zone 'UTC')::date`;
const daysLeft = sql<number>`(${deletionRequests.dueOn} - ${todayUtc})`.mapWith(Number);

/**
 * The requests, the customer's notes about them and the queue are for those who handle
 * requests (support files, admins review); viewers see only that a customer has one open.
 */
function authorizeQueue(actor: Actor) {
  if (!can(actor, 'deletion-requests:file') && !can(actor, 'deletion-requests:review')) {
    throw new ForbiddenError('Your role may not see deletion requests.');
  }
}

function selectRequests(where: SQL | undefined) {
  return db
    .select({
      request: deletionRequests,
      daysLeft,
      customer: {
        type: customers.type,
        firstName: customers.firstName,
        lastName: customers.lastName,
        legalName: customers.legalName,
        deletedAt: customers.deletedAt,
      },
      filerName: filer.name,
      reviewerName: reviewer.name,
    })
    .from(deletionRequests)
    .innerJoin(customers, eq(customers.id, deletionRequests.customerId))
    .leftJoin(filer, eq(filer.id, deletionRequests.filedBy))
    .leftJoin(reviewer, eq(reviewer.id, deletionRequests.reviewedBy))
    .where(where);
}

type Row = Awaited<ReturnType<typeof selectRequests>>[number];

function toSummary({ request, customer, ...row }: Row): DeletionRequestSummary {
  const open = request.status === 'open';
  const erased = customer.deletedAt !== null;
  return {
    id: request.id,
    customerId: request.customerId,
    customerName: erased ? null : displayName(customer),
    customerErased: erased,
    channel: request.channel,
    externalReference: request.externalReference,
    receivedOn: request.receivedOn,
    dueOn: request.dueOn,
    status: request.status,
    daysLeft: open ? row.daysLeft : null,
    overdue: open && row.daysLeft < 0,
    filedBy: { id: request.filedBy, name: row.filerName },
    reviewedBy: request.reviewedBy ? { id: request.reviewedBy, name: row.reviewerName } : null,
    reviewedAt: request.reviewedAt,
    createdAt: request.createdAt,
  };
}

/**
 * The queue. Open requests: overdue first, then by due date (the next one due on top).
 * Closed requests (completed or rejected): the most recently reviewed first.
 */
export async function listDeletionRequests(
  actor: Actor,
  { status }: { status: 'open' | 'closed' },
): Promise<DeletionRequestSummary[]> {
  authorizeQueue(actor);
  if (status === 'open') {
    const rows = await selectRequests(eq(deletionRequests.status, 'open')).orderBy(
      desc(sql`${deletionRequests.dueOn} < ${todayUtc}`),
      asc(deletionRequests.dueOn),
      asc(deletionRequests.createdAt),
      asc(deletionRequests.id),
    );
    return rows.map(toSummary);
  }
  const rows = await selectRequests(sql`${deletionRequests.status} <> 'open'`)
    .orderBy(desc(deletionRequests.reviewedAt), desc(deletionRequests.id))
    .limit(CLOSED_LIST_LIMIT);
  return rows.map(toSummary);
}

export async function getDeletionRequest(actor: Actor, id: string): Promise<DeletionRequestDetail> {
  authorizeQueue(actor);
  if (!isDeletionRequestIdShape(id)) throw deletionRequestNotFound();
  const [row] = await selectRequests(eq(deletionRequests.id, id));
  if (!row) throw deletionRequestNotFound();
  return {
    ...toSummary(row),
    note: row.request.note,
    decisionReason: row.request.decisionReason,
    hasReceipt: row.request.receipt !== null,
  };
}

/** For the customer page's banner: anyone who may see the customer may see that one is open. */
export async function getOpenDeletionRequestForCustomer(
  actor: Actor,
  customerId: string,
): Promise<OpenDeletionRequest | null> {
  authorize(actor, 'customers:read');
  if (!isCustomerIdShape(customerId)) return null;
  const [row] = await db
    .select({
      id: deletionRequests.id,
      receivedOn: deletionRequests.receivedOn,
      dueOn: deletionRequests.dueOn,
      daysLeft,
    })
    .from(deletionRequests)
    .where(and(eq(deletionRequests.customerId, customerId), eq(deletionRequests.status, 'open')))
    .orderBy(asc(deletionRequests.dueOn))
    .limit(1);
  return row ? { ...row, overdue: row.daysLeft < 0 } : null;
}

/**
 * A completed request's receipt. Reading it is a sensitive read (it says whose data was
 * erased, when and by whom), so every read is an audit event, written before the receipt is
 * returned: no receipt leaves without its record.
 */
export async function getDeletionReceipt(
  context: RequestContext,
  id: string,
  via: 'page' | 'download' = 'page',
): Promise<DeletionReceipt> {
  authorizeQueue(context.actor);
  if (!isDeletionRequestIdShape(id)) throw deletionRequestNotFound();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        customerId: deletionRequests.customerId,
        status: deletionRequests.status,
        receipt: deletionRequests.receipt,
      })
      .from(deletionRequests)
      .where(eq(deletionRequests.id, id));
    if (!row) throw deletionRequestNotFound();
    if (row.status !== 'completed' || row.receipt === null) {
      throw new NotFoundError('not_found', 'This request has no receipt: it was not completed.');
    }
    await recordAudit(tx, context, {
      action: 'deletion_request.receipt_viewed',
      customerId: row.customerId,
      after: { deletionRequestId: id, via },
    });
    // Written by buildDeletionReceipt in the approval's transaction and never changed since.
    return row.receipt as DeletionReceipt;
  });
}
