import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { descNullsLast } from '@/db/order';
import { customers, type Customer } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { authorize } from '@/lib/auth/permissions';
import { isCustomerIdShape } from '@/lib/ids';
import { parseOrThrow } from '@/lib/validation';
import { customerUsdTotals } from '@/lib/wallets/queries';
import { decodeCursor, encodeCursor, filtersFingerprint } from './cursor';
import { customerNotFound } from './errors';
import { countCustomers, customerFilterConditions } from './list-filters';
import type { CustomerWithTotal } from './present';
import { customerListQuerySchema, type CustomerListQuery } from './schemas';

export { COUNT_LIMIT } from './list-filters';

export async function getCustomer(actor: Actor, id: string): Promise<CustomerWithTotal> {
  authorize(actor, 'customers:read');
  if (!isCustomerIdShape(id)) throw customerNotFound();
  const [customer] = await db
    .select()
    .from(customers)
    .where(and(eq(customers.id, id), isNull(customers.deletedAt)));
  if (!customer) throw customerNotFound();
  const totals = await customerUsdTotals(db, [id]);
  return { customer, usdTotal: totals.get(id) ?? '0' };
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
  const [rows, count] = await Promise.all([
    db
      .select()
      .from(customers)
      .where(pageWhere)
      .orderBy(...descNullsLast(customers.createdAt, customers.id))
      .limit(limit + 1)
      .offset(position ? 0 : offset),
    countCustomers(filters, where),
  ]);
  const hasMore = rows.length > limit;
  const page = rows.slice(0, limit);
  const totals = await customerUsdTotals(
    db,
    page.map((c) => c.id),
  );
  const last = page.at(-1);
  return {
    rows: page.map((customer) => ({ customer, usdTotal: totals.get(customer.id) ?? '0' })),
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
