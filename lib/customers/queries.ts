import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { getTableColumns } from 'drizzle-orm';
import { db } from '@/db/client';
import { descNullsLast } from '@/db/order';
import { prepared } from '@/db/prepared';
import { customers, type Customer } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { authorize } from '@/lib/auth/permissions';
import { isCustomerIdShape } from '@/lib/ids';
import { parseOrThrow } from '@/lib/validation';
import { customerUsdTotalColumn } from '@/lib/wallets/queries';
import { decodeCursor, encodeCursor, filtersFingerprint } from './cursor';
import { customerNotFound } from './errors';
import { countCustomers, customerFilterConditions } from './list-filters';
import type { CustomerWithTotal } from './present';
import { customerListQuerySchema, type CustomerListQuery } from './schemas';

export { COUNT_LIMIT } from './list-filters';

/** Every customer column plus the USD total: a customer as the API shows it, in one row. */
const customerWithTotal = { ...getTableColumns(customers), usdTotal: customerUsdTotalColumn };

function splitTotal<Row extends Customer & { usdTotal: string }>(row: Row): CustomerWithTotal {
  const { usdTotal, ...customer } = row;
  return { customer, usdTotal };
}

/** The hottest read: one prepared statement, parsed and planned once per connection. */
const selectLiveCustomer = prepared(() =>
  db
    .select(customerWithTotal)
    .from(customers)
    .where(and(eq(customers.id, sql.placeholder('id')), isNull(customers.deletedAt)))
    .prepare('select_live_customer'),
);

export async function getCustomer(actor: Actor, id: string): Promise<CustomerWithTotal> {
  authorize(actor, 'customers:read');
  if (!isCustomerIdShape(id)) throw customerNotFound();
  const [row] = await selectLiveCustomer().execute({ id });
  if (!row) throw customerNotFound();
  return splitTotal(row);
}

export type CustomerListPage = {
  rows: CustomerWithTotal[];
  totalCount: number;
  totalCountExact: boolean;
  hasMore: boolean;
  limit: number;
  offset: number;
  nextCursor: string | null;
};

/**
 * One page of live customers, newest first (createdAt desc, id desc), by offset or keyset
 * cursor, with every filter of the contract combined by AND.
 */
export async function listCustomers(
  actor: Actor,
  query: CustomerListQuery,
): Promise<CustomerListPage> {
  authorize(actor, 'customers:read');
  const {
    limit,
    offset: requestedOffset,
    cursor,
    filters,
  } = parseOrThrow(customerListQuerySchema, query);
  const fingerprint = filtersFingerprint(filters, limit);
  const position = cursor ? decodeCursor(cursor, fingerprint) : null;
  const offset = position ? position.offset : requestedOffset;

  const where = customerFilterConditions(filters);
  const pageWhere = position
    ? and(
        where,
        sql`(${customers.createdAt}, ${customers.id}) < (${position.createdAt.toISOString()}::timestamptz, ${position.id})`,
      )
    : where;
  const selectPage = db
    .select(customerWithTotal)
    .from(customers)
    .where(pageWhere)
    .orderBy(...descNullsLast(customers.createdAt, customers.id))
    .limit(limit + 1)
    .offset(position ? 0 : offset);
  // A first page that is not full holds every match: its length is the exact count, so a
  // selective filter (email, phone, ids, a rare term) costs one statement. Other pages count
  // alongside the page.
  const firstPage = !position && offset === 0;
  const [rows, counted] = await Promise.all([
    selectPage,
    firstPage ? null : countCustomers(filters, where),
  ]);
  const hasMore = rows.length > limit;
  const page = rows.slice(0, limit).map(splitTotal);
  const count =
    counted ??
    (hasMore
      ? await countCustomers(filters, where)
      : { totalCount: rows.length, totalCountExact: true });
  const last = page.at(-1)?.customer;
  return {
    rows: page,
    ...count,
    hasMore,
    limit,
    offset,
    nextCursor:
      hasMore && last
        ? encodeCursor(
            { createdAt: last.createdAt, id: last.id, offset: offset + limit },
            fingerprint,
          )
        : null,
  };
}

export function displayName(
  customer: Pick<Customer, 'type' | 'firstName' | 'lastName' | 'legalName'>,
): string {
  if (customer.type === 'business') return customer.legalName ?? '—';
  return [customer.firstName, customer.lastName].filter(Boolean).join(' ') || '—';
}
