import 'server-only';
import { and, sql, type SQL } from 'drizzle-orm';
import { db } from '@/db/client';
import { descNullsLast } from '@/db/order';
import { customers } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { authorize, can } from '@/lib/auth/permissions';
import type { RequestContext } from '@/lib/context';
import { customerFilterConditions, type CustomerFilterSet } from '@/lib/customers/list-filters';
import { maskEmail, maskPhone } from '@/lib/customers/masking';
import {
  loadCustomerListParams,
  SEARCH_MAX_LENGTH,
  SEARCH_MIN_LENGTH,
  serializeCustomerListParams,
  type ConsoleCustomerListParams,
} from '@/lib/customers/search-params';
import { roundUsdHalfEven } from '@/lib/money/decimal';
import { customerUsdTotals } from '@/lib/wallets/queries';
import { csvRecord } from './csv';

export const CUSTOMER_CSV_COLUMNS = [
  'id',
  'type',
  'status',
  'name',
  'email',
  'phone',
  'country',
  'external_id',
  'total_usd',
  'created_at',
] as const;

/** Rows per keyset page: big enough to stream fast, small enough to keep memory flat. */
export const CUSTOMER_CSV_BATCH_SIZE = 2_000;

const DAY_MS = 86_400_000;

export type CustomerCsvExport = {
  filename: string;
  /** The CSV, produced page by page as it is read. */
  stream: ReadableStream<Uint8Array>;
  /** Email and phone are masked for this caller. */
  masked: boolean;
};

/**
 * Every customer matching the list's filters (not just one page) as CSV, newest first. The
 * stream pulls keyset pages of (created_at, id) with the list's own filter builder, one page
 * per read, so a million rows neither time out nor sit in memory, and a reader that stops
 * (a cancelled download) stops the queries. Viewers get email and phone masked, like the list.
 *
 * Audited as 'customers.exported' with the filters used, before the first byte leaves. A search
 * term is recorded only as `search: true`: it may be an email or a name, which the audit trail
 * never holds.
 */
export async function exportCustomersCsv(
  context: RequestContext,
  input: Partial<ConsoleCustomerListParams>,
  options: { batchSize?: number } = {},
): Promise<CustomerCsvExport> {
  authorize(context.actor, 'customers:read');
  const params = loadCustomerListParams(serializeCustomerListParams(input));
  const filters = consoleListFilterSet(params);
  const masked = !can(context.actor, 'customers:read-pii');
  await recordAudit(db, context, {
    action: 'customers.exported',
    after: { filters: auditedFilters(params, filters), masked },
  });
  return {
    filename: `customers-${new Date().toISOString().slice(0, 10)}.csv`,
    stream: customerCsvStream(
      customerFilterConditions(filters),
      masked,
      options.batchSize ?? CUSTOMER_CSV_BATCH_SIZE,
      context.requestId,
    ),
    masked,
  };
}

function customerCsvStream(
  where: SQL,
  masked: boolean,
  batchSize: number,
  requestId: string,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let last: { createdAt: Date; id: string } | null = null;
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvRecord(CUSTOMER_CSV_COLUMNS)));
    },
    // Called again only once the reader has taken what is queued: the reader sets the pace.
    async pull(controller) {
      try {
        const rows = await db
          .select({
            id: customers.id,
            type: customers.type,
            status: customers.status,
            firstName: customers.firstName,
            middleName: customers.middleName,
            lastName: customers.lastName,
            legalName: customers.legalName,
            email: customers.email,
            phone: customers.phone,
            country: customers.country,
            externalId: customers.externalId,
            createdAt: customers.createdAt,
          })
          .from(customers)
          .where(
            last
              ? and(
                  where,
                  sql`(${customers.createdAt}, ${customers.id}) < (${last.createdAt.toISOString()}::timestamptz, ${last.id})`,
                )
              : where,
          )
          .orderBy(...descNullsLast(customers.createdAt, customers.id))
          .limit(batchSize);
        const totals = await customerUsdTotals(
          db,
          rows.map((row) => row.id),
        );
        // The reader went away while this page was read: nothing more to send.
        if (cancelled) return;
        if (rows.length > 0) {
          const text = rows
            .map((row) =>
              csvRecord([
                row.id,
                row.type,
                row.status,
                row.type === 'business'
                  ? row.legalName
                  : [row.firstName, row.middleName, row.lastName].filter(Boolean).join(' '),
                masked ? maskEmail(row.email) : row.email,
                masked ? maskPhone(row.phone) : row.phone,
                row.country,
                row.externalId,
                roundUsdHalfEven(totals.get(row.id) ?? '0'),
                row.createdAt.toISOString(),
              ]),
            )
            .join('');
          controller.enqueue(encoder.encode(text));
        }
        const end = rows.at(-1);
        if (!end || rows.length < batchSize) controller.close();
        else last = { createdAt: end.createdAt, id: end.id };
      } catch (error) {
        console.error(`[${requestId}] customer CSV export failed:`, error);
        controller.error(new Error(`The export failed (request ${requestId}).`));
      }
    },
    cancel() {
      cancelled = true;
    },
  });
}

// The console list's reading of its URL state (lib/customers/console-list.ts), so the export
// matches exactly the rows the list counts.
function consoleListFilterSet(params: ConsoleCustomerListParams): CustomerFilterSet {
  const q = params.q.trim().slice(0, SEARCH_MAX_LENGTH);
  const filters: CustomerFilterSet = {};
  if (q.length >= SEARCH_MIN_LENGTH) filters.q = q;
  if (params.type) filters.type = params.type;
  if (params.statuses.length > 0) filters.statuses = params.statuses;
  if (params.createdFrom) filters.createdFrom = new Date(`${params.createdFrom}T00:00:00.000Z`);
  if (params.createdTo) {
    filters.createdBefore = new Date(
      new Date(`${params.createdTo}T00:00:00.000Z`).getTime() + DAY_MS,
    );
  }
  if (params.hasBalance) filters.hasFunds = true;
  return filters;
}

/** The filters as applied, in the URL's terms, without the search term itself. */
function auditedFilters(
  params: ConsoleCustomerListParams,
  filters: CustomerFilterSet,
): Record<string, unknown> {
  return {
    ...(filters.type ? { type: filters.type } : {}),
    ...(filters.statuses ? { statuses: filters.statuses } : {}),
    ...(params.createdFrom ? { createdFrom: params.createdFrom } : {}),
    ...(params.createdTo ? { createdTo: params.createdTo } : {}),
    ...(filters.hasFunds ? { hasBalance: true } : {}),
    ...(filters.q ? { search: true } : {}),
  };
}
