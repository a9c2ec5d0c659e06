import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { db, type Transaction } from '@/db/client';
import { customers, deletionRequests, type DeletionRequest } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { authorize } from '@/lib/auth/permissions';
import type { RequestContext } from '@/lib/context';
import { eraseCustomerInTransaction, type Erasure } from '@/lib/customers/commands';
import { customerNotFound } from '@/lib/customers/errors';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import { randomBase62 } from '@/lib/ids';
import { parseOrThrow } from '@/lib/validation';
import { mentionsPersonalData } from './personal-data';
import { buildDeletionReceipt } from './receipt';
import {
  deletionRequestFileSchema,
  deletionRequestReviewSchema,
  FOUR_EYES_MESSAGE,
  type DeletionRequestFileInput,
  type DeletionRequestReviewInput,
} from './schemas';

export const deletionRequestNotFound = () =>
  new NotFoundError('not_found', 'No deletion request with this id exists.');

const REQUEST_ID_SHAPE = /^dr_[A-Za-z0-9]{1,64}$/;
export const isDeletionRequestIdShape = (value: unknown): value is string =>
  typeof value === 'string' && REQUEST_ID_SHAPE.test(value);

/**
 * Files a GDPR erasure request for a live customer; it is due one calendar month after
 * receipt (Art. 12(3); 31 January → 28 February). One open request per customer.
 */
export async function fileDeletionRequest(
  context: RequestContext,
  input: DeletionRequestFileInput,
): Promise<DeletionRequest> {
  authorize(context.actor, 'deletion-requests:file');
  const data = parseOrThrow(deletionRequestFileSchema, input);
  return db.transaction(async (tx) => {
    // Locked so that two filings for one customer run one after the other and the second
    // sees the first; NO KEY UPDATE still lets the new request's foreign key check through.
    const [customer] = await tx
      .select()
      .from(customers)
      .where(and(eq(customers.id, data.customerId), isNull(customers.deletedAt)))
      .for('no key update');
    if (!customer) throw customerNotFound();
    if (data.externalReference && mentionsPersonalData(data.externalReference, customer)) {
      throw new ValidationError([
        {
          field: 'externalReference',
          message:
            'Use a ticket or letter number: the reference is kept after the erasure, so it must not contain the person’s name, email or phone',
        },
      ]);
    }
    const [open] = await tx
      .select({ id: deletionRequests.id })
      .from(deletionRequests)
      .where(
        and(eq(deletionRequests.customerId, data.customerId), eq(deletionRequests.status, 'open')),
      );
    if (open) {
      throw new ConflictError(
        'deletion_request_open',
        `This customer already has an open deletion request (${open.id}).`,
      );
    }
    const [request] = await tx
      .insert(deletionRequests)
      .values({
        id: `dr_${randomBase62(18)}`,
        customerId: data.customerId,
        channel: data.channel,
        externalReference: data.externalReference,
        receivedOn: data.receivedOn,
        // Calendar arithmetic in PostgreSQL: the end of a shorter month clamps to its last day.
        dueOn: sql`(${data.receivedOn}::date + interval '1 month')::date`,
        note: data.note,
        filedBy: context.actor.id,
      })
      .returning();
    await recordAudit(tx, context, {
      action: 'deletion_request.filed',
      customerId: data.customerId,
      after: { deletionRequestId: request!.id, channel: data.channel, dueOn: request!.dueOn },
    });
    return request!;
  });
}

/**
 * An admin other than the filer approves or rejects (four eyes); either closes the request.
 * Approval erases the customer through the same domain erasure as the API, in this one
 * transaction: if anything fails (funds remain, the process dies) the customer stays intact
 * and the request open.
 */
export async function reviewDeletionRequest(
  context: RequestContext,
  requestId: string,
  input: DeletionRequestReviewInput,
): Promise<DeletionRequest> {
  authorize(context.actor, 'deletion-requests:review');
  const { actor } = context;
  if (actor.kind !== 'staff') throw new ForbiddenError('Only staff review deletion requests.');
  const review = parseOrThrow(deletionRequestReviewSchema, input);
  return db.transaction(async (tx) => {
    const { request, before } = await lockRequestAndCustomer(tx, requestId);
    if (request.filedBy === actor.id) throw new ForbiddenError(FOUR_EYES_MESSAGE);
    const reviewed = { reviewedBy: actor.id, reviewedAt: sql`now()` };

    if (review.decision === 'reject') {
      const [rejected] = await tx
        .update(deletionRequests)
        .set({ ...reviewed, status: 'rejected', decisionReason: review.reason })
        .where(eq(deletionRequests.id, requestId))
        .returning();
      await recordAudit(tx, context, {
        action: 'deletion_request.rejected',
        customerId: request.customerId,
        after: { deletionRequestId: requestId },
      });
      return rejected!;
    }

    // Deleted some other way while the request waited (the delete dialog names open requests):
    // the erasure is done, the review records it and closes the request.
    const erasedBeforeReview = before.deletedAt !== null;
    const erasure: Erasure = erasedBeforeReview
      ? {
          deletedAt: before.deletedAt!,
          kycReasonsErased: 0,
          deletionRequestTextsErased: 0,
          storedResponsesErased: 0,
        }
      : await eraseCustomerInTransaction(tx, context, request.customerId, {
          reason: review.reason ?? undefined,
        });
    const receipt = await buildDeletionReceipt(tx, {
      request,
      before,
      erasure,
      erasedBeforeReview,
      approver: actor,
    });
    const [completed] = await tx
      .update(deletionRequests)
      .set({
        ...reviewed,
        status: 'completed',
        // The erasure emptied these already; an approval stores no text of its own.
        note: null,
        decisionReason: null,
        receipt,
      })
      .where(eq(deletionRequests.id, requestId))
      .returning();
    await recordAudit(tx, context, {
      action: 'deletion_request.approved',
      customerId: request.customerId,
      after: { deletionRequestId: requestId, erasedBeforeReview },
    });
    return completed!;
  });
}

/**
 * Locks the customer, then the request, the order every erasure takes (the customer's row,
 * then its requests' rows), so a review and a delete from the console never deadlock.
 */
async function lockRequestAndCustomer(tx: Transaction, requestId: string) {
  if (!isDeletionRequestIdShape(requestId)) throw deletionRequestNotFound();
  const [target] = await tx
    .select({ customerId: deletionRequests.customerId })
    .from(deletionRequests)
    .where(eq(deletionRequests.id, requestId));
  if (!target) throw deletionRequestNotFound();
  const [before] = await tx
    .select()
    .from(customers)
    .where(eq(customers.id, target.customerId))
    .for('update');
  const [request] = await tx
    .select()
    .from(deletionRequests)
    .where(eq(deletionRequests.id, requestId))
    .for('update');
  if (!request || !before) throw deletionRequestNotFound();
  if (request.status !== 'open') {
    throw new ConflictError(
      'deletion_request_closed',
      `This request is already ${request.status}.`,
    );
  }
  return { request, before };
}
