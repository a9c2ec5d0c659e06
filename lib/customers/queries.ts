import 'server-only';
import { and, eq, getTableColumns, isNull, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import { db } from '@/db/client';
import { descNullsLast } from '@/db/order';
import { literalLimit, prepared, statementName } from '@/db/prepared';
import { customers, type Customer } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { authorize } from '@/lib/auth/permissions';
import { isCustomerIdShape } from '@/lib/ids';
import { parseOrThrow } from '@/lib/validation';
import { customerUsdTotalColumn } from '@/lib/wallets/queries';
import { customerEtagSql, customerJsonSql } from './json';
import { decodeCursor, encodeCursor, filtersFingerprint } from './cursor';
import { customerNotFound } from './errors';
import {
  bindValues,
  countCustomers,
  customerFilterConditions,
  customerFiltersShape,
  keptCountSql,
  placeholders,
  totalFromPage,
} from './list-filters';
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

/** The API's view of one customer, shaped in SQL: the response body and its ETag. */
export type CustomerJson = { json: string; etag: string };

const selectLiveCustomerJson = prepared(() =>
  db
    .select({ json: customerJsonSql, etag: customerEtagSql })
    .from(customers)
    .where(and(eq(customers.id, sql.placeholder('id')), isNull(customers.deletedAt)))
    .prepare('select_live_customer_json'),
);

/** `GET /v1/customers/{id}`: one prepared statement, and the body comes back as text. */
export async function getCustomerJson(actor: Actor, id: string): Promise<CustomerJson> {
  authorize(actor, 'customers:read');
  if (!isCustomerIdShape(id)) throw customerNotFound();
  const [row] = await selectLiveCustomerJson().execute({ id });
  if (!row) throw customerNotFound();
  return row;
}

export type CustomerListPage = {
  /** Each customer as the API's JSON object text (see `customerJsonSql`). */
  customers: string[];
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
  const position = cursor ? decodeCursor(cursor, filtersFingerprint(filters, limit)) : null;
  const offset = position ? position.offset : requestedOffset;

  // Searches are planned per call (see customerFiltersShape); every other shape of list is a
  // statement built and prepared once per process and connection, then run with its values.
  const shape = customerFiltersShape(filters);
  const { bind, values } = shape === null ? { bind: bindValues, values: {} } : placeholders();
  const where = customerFilterConditions(filters, bind);
  const pageWhere = position
    ? and(
        where,
        sql`(${customers.createdAt}, ${customers.id}) < (${bind('cursorAt', position.createdAt.toISOString())}::timestamptz, ${bind('cursorId', position.id)})`,
      )
    : where;
  // The exact total of an unfiltered or type/status list rides along with the page.
  const keptCount = keptCountSql(filters, bind);
  // In the statement's text, not a parameter (see literalLimit); the shape names it.
  const pageLimit = literalLimit(limit + 1);
  const deep = !position && offset > 0;
  const pageOffset = deep ? bind('offset', offset) : 0;
  const selectPage = () =>
    selectCustomerPage(
      db
        .select({
          json: customerJsonSql,
          id: customers.id,
          createdAt: customers.createdAt,
          ...(keptCount ? { keptCount } : {}),
        })
        .from(customers)
        .$dynamic(),
      pageWhere,
      descNullsLast(customers.createdAt, customers.id),
      pageLimit,
      pageOffset,
    );
  // A first page that is not full holds every match: its length is the exact count, so a
  // selective filter (email, phone, ids, a rare term) costs one statement. A page of a list
  // with a kept count has it in its rows. Other pages count alongside the page.
  const firstPage = !position && offset === 0;
  const countWhere = () => (shape === null ? where : customerFilterConditions(filters));
  const [rows, counted] = await Promise.all([
    shape === null
      ? selectPage().execute()
      : preparedListPage(
          statementName(
            'api_list',
            `${shape}|${position ? 'cursor' : deep ? 'offset' : 'first'}|${limit + 1}`,
          ),
          selectPage,
        ).execute(values),
    firstPage || keptCount ? null : countCustomers(filters, countWhere()),
  ]);
  const hasMore = rows.length > limit;
  const page = rows.slice(0, limit);
  const count =
    counted ??
    totalFromPage(rows, limit, firstPage) ??
    (await countCustomers(filters, countWhere()));
  const last = page.at(-1);
  return {
    customers: page.map((row) => row.json),
    ...count,
    hasMore,
    limit,
    offset,
    nextCursor:
      hasMore && last
        ? encodeCursor(
            { createdAt: last.createdAt, id: last.id, offset: offset + limit },
            filtersFingerprint(filters, limit),
          )
        : null,
  };
}

type ListPageStatement = {
  execute: (values: Record<string, unknown>) => Promise<ListPageRow[]>;
};
type ListPageRow = { json: string; id: string; createdAt: Date; keptCount?: string };
const listPageStatements = new Map<string, ListPageStatement>();

/** The prepared statement of one shape of list page, built on its first use. */
function preparedListPage(
  name: string,
  build: () => { prepare: (name: string) => ListPageStatement },
): ListPageStatement {
  let statement = listPageStatements.get(name);
  if (!statement) {
    statement = build().prepare(name);
    listPageStatements.set(name, statement);
  }
  return statement;
}

/**
 * `query` (a dynamic select from customers) as one page in `order`: from the start when
 * `offset` is 0, otherwise a deep
 * offset that skips its rows in the index holding the order's columns (an index-only scan,
 * when the filters allow) and then reads only the page's own rows. The API and the console
 * list both page through here.
 */
export function selectCustomerPage<Query extends PgSelect>(
  query: Query,
  where: SQL | undefined,
  order: SQL[],
  limit: number,
  offset: number | Placeholder,
): Query {
  if (offset === 0)
    return query
      .where(where)
      .orderBy(...order)
      .limit(limit);
  const pageIds = db
    .select({ id: customers.id })
    .from(customers)
    .where(where)
    .orderBy(...order)
    .limit(limit)
    .offset(offset)
    .as('page_ids');
  // The join only narrows the rows: the query's explicit selection, so its row type, stays.
  return query
    .innerJoin(pageIds, eq(customers.id, sql`page_ids.id`))
    .orderBy(...order) as unknown as Query;
}

/** The columns a customer is listed and looked up by (the console list, the lookup). */
export const customerSummaryColumns = {
  id: customers.id,
  type: customers.type,
  status: customers.status,
  firstName: customers.firstName,
  lastName: customers.lastName,
  legalName: customers.legalName,
  email: customers.email,
  phone: customers.phone,
};

export function displayName(
  customer: Pick<Customer, 'type' | 'firstName' | 'lastName' | 'legalName'>,
): string {
  if (customer.type === 'business') return customer.legalName ?? '—';
  return [customer.firstName, customer.lastName].filter(Boolean).join(' ') || '—';
}
