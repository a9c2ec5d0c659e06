import 'server-only';
import { and, eq, isNotNull, isNull, ne, or, sql } from 'drizzle-orm';
import { db, type Queryable, type Transaction } from '@/db/client';
import { prepared } from '@/db/prepared';
import { auditEvents, customers, deletionRequests, kycDecisions, type Customer } from '@/db/schema';
import {
  auditEventValues,
  auditInsertPerRow,
  recordAudit,
  type AuditEntry,
} from '@/lib/audit/record';
import { authorize } from '@/lib/auth/permissions';
import type { RequestContext } from '@/lib/context';
import { DomainError, ValidationError } from '@/lib/errors';
import { domainErrorResponse } from '@/lib/http/problem';
import { isCustomerIdShape, newCustomerId } from '@/lib/ids';
import { parseOrThrow } from '@/lib/validation';
import { customerConflict, customerNotFound } from './errors';
import { customerEtagSql, customerJsonSql } from './json';
import { ifMatchSatisfied, type CustomerWithTotal } from './present';
import type { CustomerJson } from './queries';
import {
  customerCreateSchema,
  customerUpdateSchema,
  METADATA_MAX_KEYS,
  type CustomerCreateInput,
  type CustomerUpdate,
  type CustomerUpdateInput,
} from './schemas';
import { encryptShareToken } from './share-token';

/** Profile fields a create or update may set directly (the rest have rules of their own). */
const PROFILE_FIELDS = [
  'externalId',
  'firstName',
  'middleName',
  'lastName',
  'legalName',
  'website',
  'email',
  'phone',
  'birthDate',
  'country',
  'residentialAddress',
] as const;

/** Personal data erased from a deleted customer's row; the tombstone keeps id, type and times. */
const ERASED = {
  externalId: null,
  firstName: null,
  middleName: null,
  lastName: null,
  legalName: null,
  website: null,
  email: null,
  phone: null,
  birthDate: null,
  country: null,
  residentialAddress: null,
  metadata: {},
  kycProvider: null,
  kycShareTokenEncrypted: null,
  kycShareTokenReceivedAt: null,
} satisfies Partial<Customer>;

/** Creates a customer; an empty input makes an individual with status `not_started`. */
export async function createCustomer(
  context: RequestContext,
  input: CustomerCreateInput,
): Promise<CustomerWithTotal> {
  authorize(context.actor, 'customers:write');
  const data = parseOrThrow(customerCreateSchema, input);
  const now = new Date();
  const values = {
    id: newCustomerId(data.type),
    type: data.type,
    ...pick(data, PROFILE_FIELDS),
    metadata: data.metadata ?? {},
    ...(data.shareToken === undefined
      ? {}
      : {
          status: 'under_review' as const,
          kycProvider: 'sumsub',
          kycShareTokenEncrypted: encryptShareToken(data.shareToken),
          kycShareTokenReceivedAt: now,
        }),
  };
  // One statement, so one round trip and no BEGIN/COMMIT: the audit event is a data-modifying
  // CTE of the insert, and a refused insert (a taken email, say) takes it back with it.
  const audit = db.$with('audit').as(
    db
      .insert(auditEvents)
      .values(
        auditEventValues(context, {
          action: 'customer.created',
          customerId: values.id,
          changedFields: Object.keys(data).filter(
            (k) => data[k as keyof typeof data] !== undefined,
          ),
          after: { type: values.type, status: values.status ?? 'not_started' },
        }),
      )
      .returning({ id: auditEvents.id }),
  );
  try {
    const [customer] = await db.with(audit).insert(customers).values(values).returning();
    return { customer: customer!, usdTotal: '0' };
  } catch (error) {
    throw customerConflict(error) ?? error;
  }
}

/** A live customer as an update reads it, planned once per connection. */
const selectLiveCustomerRow = prepared(() =>
  db
    .select()
    .from(customers)
    .where(and(eq(customers.id, sql.placeholder('id')), isNull(customers.deletedAt)))
    .prepare('select_live_customer_row'),
);

/**
 * Partial update. Fast path: read the row, check If-Match and the business rules, merge
 * metadata, then write with `version = <the version read>` in the one statement that also
 * records the audit event. If a concurrent writer got in between, that write matches nothing
 * and the update is done again under a row lock (`SELECT … FOR UPDATE` in a transaction),
 * where it cannot lose. Either way If-Match is judged against the very version written over,
 * no concurrent change of other fields or metadata keys is lost, and only the fields given
 * are written. Returns the API's JSON of the result and its ETag.
 */
export async function updateCustomer(
  context: RequestContext,
  id: string,
  input: CustomerUpdateInput,
  options: { ifMatch?: string | null } = {},
): Promise<CustomerJson & { id: string }> {
  authorize(context.actor, 'customers:write');
  if (!isCustomerIdShape(id)) throw customerNotFound();
  const patch = parseOrThrow(customerUpdateSchema, input);
  const [current] = await selectLiveCustomerRow().execute({ id });
  if (!current) throw customerNotFound();
  const written = await writeUpdate(db, context, current, patch, options.ifMatch);
  if (written) return { id, ...written };
  return db.transaction(async (tx) => {
    const locked = await lockLiveCustomer(tx, id);
    const underLock = await writeUpdate(tx, context, locked, patch, options.ifMatch);
    if (!underLock) throw new Error(`customer ${id} changed under its row lock`);
    return { id, ...underLock };
  });
}

/** The checked write of `patch` over `current`; undefined when the row is no longer that version. */
async function writeUpdate(
  queryable: Queryable,
  context: RequestContext,
  current: Customer,
  patch: CustomerUpdate,
  ifMatch: string | null | undefined,
): Promise<CustomerJson | undefined> {
  if (ifMatch && !ifMatchSatisfied(ifMatch, current)) {
    throw new DomainError(
      'version_mismatch',
      412,
      'Version mismatch',
      'The customer changed since you read it; fetch it again and reapply your change.',
    );
  }
  const changes: Partial<Customer> = pick(patch, PROFILE_FIELDS);
  if (current.type === 'business') {
    const missing = (['legalName', 'website'] as const).filter((f) => changes[f] === null);
    if (missing.length) {
      throw new ValidationError(
        missing.map((field) => ({ field, message: 'Required for business customers' })),
      );
    }
  }
  if (patch.metadata !== undefined) {
    changes.metadata = mergeMetadata(current.metadata, patch.metadata);
  }
  if (patch.shareToken !== undefined) {
    Object.assign(changes, {
      status: 'under_review',
      kycProvider: 'sumsub',
      kycShareTokenEncrypted: encryptShareToken(patch.shareToken),
      kycShareTokenReceivedAt: new Date(),
    } satisfies Partial<Customer>);
  }
  const status = changes.status ?? current.status;
  const audit: AuditEntry = {
    action: 'customer.updated',
    customerId: current.id,
    changedFields: Object.keys(patch).filter((k) => patch[k as keyof typeof patch] !== undefined),
    ...(status !== current.status ? { before: { status: current.status }, after: { status } } : {}),
  };
  const update = queryable
    .update(customers)
    .set({
      ...changes,
      version: sql`${customers.version} + 1`,
      // Strictly increasing even for two updates within one millisecond.
      updatedAt: sql`greatest(now(), ${customers.updatedAt} + interval '1 millisecond')`,
    })
    .where(
      and(
        eq(customers.id, current.id),
        isNull(customers.deletedAt),
        eq(customers.version, current.version),
      ),
    )
    .returning({ json: customerJsonSql.as('json'), etag: customerEtagSql.as('etag') });
  try {
    // The audit event is inserted from the update's RETURNING: no row written, no event.
    const result = await queryable.execute<CustomerJson>(sql`
      with updated as (${update.getSQL()}),
      audit as (${auditInsertPerRow(context, audit, sql`updated`)})
      select json, etag from updated`);
    return result.rows[0];
  } catch (error) {
    throw customerConflict(error) ?? error;
  }
}

/**
 * Deletes a customer: refused while any wallet holds funds; otherwise the personal data is
 * erased in place and the row stays as a tombstone (ledgers and audit events keep pointing at
 * it). Email, phone and external id are free for a new customer at once.
 */
export async function deleteCustomer(
  context: RequestContext,
  id: string,
  options: { reason?: string } = {},
) {
  authorize(context.actor, 'customers:delete');
  if (!isCustomerIdShape(id)) throw customerNotFound();
  await db.transaction((tx) => eraseCustomerInTransaction(tx, context, id, options));
  return { id, object: 'customer' as const, deleted: true as const };
}

/** The names of the fields an erasure empties (for receipts: names, never values). */
export const ERASED_FIELDS = Object.keys(ERASED);

/** What a KYC decision's reason becomes: the column is required, the text may quote the person. */
export const ERASED_TEXT = '[erased]';

/** What an erasure emptied besides the profile, as counts for the receipt. */
export type Erasure = {
  deletedAt: Date;
  kycReasonsErased: number;
  deletionRequestTextsErased: number;
  storedResponsesErased: number;
};

/**
 * The erasure itself, inside the caller's transaction, so a GDPR approval and the erasure
 * commit or roll back together: the customer is either intact or fully erased, never half.
 */
export async function eraseCustomerInTransaction(
  tx: Transaction,
  context: RequestContext,
  id: string,
  options: { reason?: string } = {},
): Promise<Erasure> {
  authorize(context.actor, 'customers:delete');
  await lockLiveCustomer(tx, id);
  const funded = await tx.execute<{ funded: boolean }>(sql`
    select exists (
      select 1 from wallet_balances b join wallets w on w.id = b.wallet_id
      where w.customer_id = ${id} and b.amount <> 0
    ) as funded`);
  if (funded.rows[0]?.funded) {
    throw new DomainError(
      'customer_has_balance',
      409,
      'Customer has a balance',
      'This customer still holds funds; transfer them out before deleting the customer.',
    );
  }
  const [erased] = await tx
    .update(customers)
    .set({
      ...ERASED,
      hasFunds: false,
      deletedAt: sql`now()`,
      updatedAt: sql`now()`,
      version: sql`${customers.version} + 1`,
    })
    .where(eq(customers.id, id))
    .returning({ deletedAt: customers.deletedAt });
  const related = await eraseRelatedText(tx, context, id);
  await recordAudit(tx, context, {
    action: 'customer.deleted',
    customerId: id,
    // Only that a reason was given: free text may name the person whose data is erased.
    ...(options.reason?.trim() ? { after: { reasonGiven: true } } : {}),
  });
  return { deletedAt: erased!.deletedAt!, ...related };
}

/**
 * Personal data about the customer outside their row: free text staff wrote about them (KYC
 * reasons, deletion request notes and decision reasons, which may quote the person) and API
 * responses kept for idempotent retries (a create's response holds the whole profile). A
 * retry of such a request now answers what any read of the customer answers: 404.
 */
async function eraseRelatedText(tx: Transaction, context: RequestContext, id: string) {
  const kycReasons = await tx
    .update(kycDecisions)
    .set({ reason: ERASED_TEXT })
    .where(and(eq(kycDecisions.customerId, id), ne(kycDecisions.reason, ERASED_TEXT)))
    .returning({ id: kycDecisions.id });
  const requestTexts = await tx
    .update(deletionRequests)
    .set({ note: null, decisionReason: null })
    .where(
      and(
        eq(deletionRequests.customerId, id),
        or(isNotNull(deletionRequests.note), isNotNull(deletionRequests.decisionReason)),
      ),
    )
    .returning({ id: deletionRequests.id });
  const gone = domainErrorResponse(customerNotFound(), context.requestId);
  const goneHeaders = { 'Content-Type': gone.headers.get('content-type') ?? 'application/json' };
  // Ids are base62, so the id holds no LIKE wildcard.
  const storedResponses = await tx.execute<{ key: string }>(sql`
    update idempotency_keys
       set response_status = ${gone.status},
           response_headers = ${JSON.stringify(goneHeaders)}::jsonb,
           response_body = ${await gone.text()}
     where response_body like ${`%${id}%`}
    returning key`);
  return {
    kycReasonsErased: kycReasons.length,
    deletionRequestTextsErased: requestTexts.length,
    storedResponsesErased: storedResponses.rows.length,
  };
}

async function lockLiveCustomer(tx: Transaction, id: string): Promise<Customer> {
  const [row] = await tx
    .select()
    .from(customers)
    .where(and(eq(customers.id, id), isNull(customers.deletedAt)))
    .for('update');
  if (!row) throw customerNotFound();
  return row;
}

function mergeMetadata(
  current: Customer['metadata'],
  patch: Record<string, string | number | boolean | null>,
) {
  const merged: Customer['metadata'] = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  if (Object.keys(merged).length > METADATA_MAX_KEYS) {
    throw new ValidationError([
      {
        field: 'metadata',
        message: `Would have more than ${METADATA_MAX_KEYS} keys after merging`,
      },
    ]);
  }
  return merged;
}

function pick<T extends object, K extends keyof T>(
  source: T,
  keys: readonly K[],
): Partial<Pick<T, K>> {
  const picked: Partial<Pick<T, K>> = {};
  for (const key of keys) if (source[key] !== undefined) picked[key] = source[key];
  return picked;
}
