import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { staffUsers, type Customer, type DeletionRequest } from '@/db/schema';
import type { StaffActor } from '@/lib/auth/actor';
import { ERASED_FIELDS, type Erasure } from '@/lib/customers/commands';
import { mentionsPersonalData } from './personal-data';

export type StaffRef = { id: string; name: string };

/**
 * The proof of an erasure: what was erased, what is kept and why, when, by whom and on whose
 * approval. Ids, counts, dates and staff names only: never a value that was erased.
 */
export type DeletionReceipt = {
  object: 'deletion_receipt';
  version: 1;
  deletionRequestId: string;
  /** What remains of the customer: the id every kept record is linked to. */
  tombstone: {
    customerId: string;
    type: Customer['type'];
    createdAt: string;
    deletedAt: string;
  };
  request: {
    channel: DeletionRequest['channel'];
    /** Withheld (null) if it named the person: the receipt outlives the erasure. */
    externalReference: string | null;
    receivedOn: string;
    dueOn: string;
    filedAt: string;
    filedBy: StaffRef;
  };
  approval: {
    approvedBy: StaffRef;
    approvedAt: string;
    /** True when the customer had already been deleted (e.g. from the console) before the review. */
    erasedBeforeReview: boolean;
  };
  erased: { what: string; count: number; fields?: string[] }[];
  kept: { what: string; count: number; why: string; ids?: string[] }[];
};

export const RECEIPT_RETENTION = {
  ledger:
    'Anti-money-laundering record keeping: transaction records are retained for five years after the business relationship ends. Entries reference wallets only, never personal data.',
  wallets:
    'Anti-money-laundering retention: on-chain addresses stay linked to the tombstone id so past transfers remain traceable. Addresses are never issued again.',
  kyc: 'Evidence that customer due diligence was done (anti-money-laundering): the decision, the statuses, the time and who decided are kept; the free-text reasons are erased.',
  audit:
    'Accountability for who did what and when; audit events hold ids, field names and statuses, never personal data.',
  requests:
    'Proof that the erasure request was handled (GDPR Art. 5(2) accountability): channel, reference, dates and staff are kept; notes and reasons are erased.',
  tombstone:
    'The id, type and creation and deletion times keep ledgers and audit events consistent; the id is never issued again.',
} as const;

/** Builds the receipt inside the approval's transaction, after the erasure. */
export async function buildDeletionReceipt(
  tx: Transaction,
  input: {
    request: DeletionRequest;
    /** The customer as it was before the erasure: only used to keep its values out. */
    before: Customer;
    erasure: Erasure;
    erasedBeforeReview: boolean;
    approver: StaffActor;
  },
): Promise<DeletionReceipt> {
  const { request, before, erasure, approver } = input;
  const [filer] = await tx
    .select({ id: staffUsers.id, name: staffUsers.name })
    .from(staffUsers)
    .where(eq(staffUsers.id, request.filedBy));
  const counts = await tx.execute<{
    wallet_ids: string[] | null;
    ledger_entries: number;
    kyc_decisions: number;
    audit_events: number;
    deletion_requests: number;
  }>(sql`
    select
      (select array_agg(id order by created_at, id) from wallets where customer_id = ${before.id}) as wallet_ids,
      (select count(*)::int from ledger_entries l join wallets w on w.id = l.wallet_id
        where w.customer_id = ${before.id}) as ledger_entries,
      (select count(*)::int from kyc_decisions where customer_id = ${before.id}) as kyc_decisions,
      (select count(*)::int from audit_events where customer_id = ${before.id}) as audit_events,
      (select count(*)::int from deletion_requests where customer_id = ${before.id}) as deletion_requests`);
  const row = counts.rows[0]!;
  const walletIds = row.wallet_ids ?? [];
  const reference = request.externalReference;

  return {
    object: 'deletion_receipt',
    version: 1,
    deletionRequestId: request.id,
    tombstone: {
      customerId: before.id,
      type: before.type,
      createdAt: before.createdAt.toISOString(),
      deletedAt: erasure.deletedAt.toISOString(),
    },
    request: {
      channel: request.channel,
      externalReference: reference && !mentionsPersonalData(reference, before) ? reference : null,
      receivedOn: request.receivedOn,
      dueOn: request.dueOn,
      filedAt: request.createdAt.toISOString(),
      filedBy: { id: request.filedBy, name: filer?.name ?? 'Former staff member' },
    },
    approval: {
      approvedBy: { id: approver.id, name: approver.name },
      approvedAt: new Date().toISOString(),
      erasedBeforeReview: input.erasedBeforeReview,
    },
    erased: [
      { what: 'Customer profile', count: 1, fields: [...ERASED_FIELDS] },
      { what: 'KYC decision reasons', count: erasure.kycReasonsErased },
      {
        what: 'Deletion request notes and decision reasons',
        count: erasure.deletionRequestTextsErased,
      },
      { what: 'Stored API responses (idempotent retries)', count: erasure.storedResponsesErased },
    ],
    kept: [
      { what: 'Ledger entries', count: row.ledger_entries, why: RECEIPT_RETENTION.ledger },
      {
        what: 'Wallet addresses',
        count: walletIds.length,
        why: RECEIPT_RETENTION.wallets,
        ids: walletIds,
      },
      { what: 'KYC decisions', count: row.kyc_decisions, why: RECEIPT_RETENTION.kyc },
      // The approval's own event is written after the receipt: counted here.
      { what: 'Audit events', count: row.audit_events + 1, why: RECEIPT_RETENTION.audit },
      { what: 'Deletion requests', count: row.deletion_requests, why: RECEIPT_RETENTION.requests },
      {
        what: 'Tombstone',
        count: 1,
        why: RECEIPT_RETENTION.tombstone,
        ids: [before.id],
      },
    ],
  };
}
