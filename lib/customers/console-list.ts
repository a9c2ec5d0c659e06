import 'server-only';
import { asc, desc, sql, type SQL } from 'drizzle-orm';
import { db } from '@/db/client';
import { literalLimit, statementName } from '@/db/prepared';
import { customers } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { authorize, can } from '@/lib/auth/permissions';
import { roundUsdHalfEven } from '@/lib/money/decimal';
import { customerUsdTotalColumn } from '@/lib/wallets/queries';
import {
  countCustomers,
  customerFilterConditions,
  customerFiltersShape,
  keptCountSql,
  totalFromPage,
  type CustomerFilterSet,
} from './list-filters';
import { maskEmail, maskPhone } from './masking';
import { customerSummaryColumns, displayName, selectCustomerPage } from './queries';
import type { CustomerStatus, CustomerType } from './schemas';
import {
  loadCustomerListParams,
  SEARCH_MAX_LENGTH,
  SEARCH_MIN_LENGTH,
  serializeCustomerListParams,
  type ConsoleCustomerListParams,
  type CustomerListPageSize,
  type CustomerListSort,
} from './search-params';

export type { ConsoleCustomerListParams } from './search-params';

/** A row of the console's customer table; contact details are masked for viewers. */
export type ConsoleCustomerRow = {
  id: string;
  type: CustomerType;
  displayName: string;
  email: string | null;
  phone: string | null;
  status: CustomerStatus;
  /** USD across all wallets, rounded half-even to cents. */
  usdTotal: string;
  createdAt: string;
};

export type ConsoleCustomerPage = {
  rows: ConsoleCustomerRow[];
  /** Exact, or a lower bound (10,000) when `totalCountExact` is false. */
  totalCount: number;
  totalCountExact: boolean;
  page: number;
  pageSize: CustomerListPageSize;
  /** At least 1; with an inexact count, the pages known so far. */
  pageCount: number;
  hasNextPage: boolean;
  /** True when email and phone are masked for this caller. */
  contactMasked: boolean;
};

const DAY_MS = 86_400_000;

// Every order ends on the id, so rows with equal keys keep one order across pages. The created
// indexes are `DESC NULLS LAST`; a plain DESC means NULLS FIRST and could not walk them.
const ORDER_BY: Record<CustomerListSort, SQL[]> = {
  'created-desc': [
    sql`${customers.createdAt} desc nulls last`,
    sql`${customers.id} desc nulls last`,
  ],
  'created-asc': [
    sql`${customers.createdAt} asc nulls first`,
    sql`${customers.id} asc nulls first`,
  ],
  'name-asc': [asc(customers.sortName), asc(customers.id)],
  'name-desc': [desc(customers.sortName), desc(customers.id)],
};

/**
 * One page of the console's customer list: filters, sort and numbered pages, with each
 * customer's USD total. Viewers get email and phone masked here, so no endpoint that uses
 * this can leak them.
 */
export async function listCustomersForConsole(
  actor: Actor,
  input: Partial<ConsoleCustomerListParams>,
): Promise<ConsoleCustomerPage> {
  authorize(actor, 'customers:read');
  const params = normaliseParams(input);
  const filters = toFilterSet(params);
  const where = customerFilterConditions(filters);
  const offset = (params.page - 1) * params.pageSize;

  const firstPage = params.page === 1;
  const shape = customerFiltersShape(filters);
  const keptCount = keptCountSql(filters);
  const order = ORDER_BY[params.sort];
  const selectPage = selectCustomerPage(
    db
      .select({
        ...customerSummaryColumns,
        createdAt: customers.createdAt,
        usdTotal: customerUsdTotalColumn,
        // The exact total of an unfiltered or type/status list rides along with the page.
        ...(keptCount ? { keptCount } : {}),
      })
      .from(customers)
      .$dynamic(),
    where,
    order,
    literalLimit(params.pageSize + 1),
    offset,
  );
  const [found, counted] = await Promise.all([
    shape === null
      ? selectPage
      : selectPage
          .prepare(
            statementName(
              'console_list',
              `${shape}|${params.sort}|${offset > 0 ? 'offset' : 'first'}|${params.pageSize}`,
            ),
          )
          .execute(),
    // A first page that is not full holds every match, so it needs no count (see below).
    firstPage || keptCount ? null : countCustomers(filters, where),
  ]);
  const hasNextPage = found.length > params.pageSize;
  const page = found.slice(0, params.pageSize);
  const count =
    counted ??
    totalFromPage(found, params.pageSize, firstPage) ??
    (await countCustomers(filters, where));
  const showContact = can(actor, 'customers:read-pii');

  // With a lower-bound count, the pages reached so far are known to exist too.
  const knownRows = count.totalCountExact
    ? count.totalCount
    : Math.max(count.totalCount, offset + found.length);
  return {
    rows: page.map((row) => ({
      id: row.id,
      type: row.type,
      displayName: displayName(row),
      email: showContact ? row.email : maskEmail(row.email),
      phone: showContact ? row.phone : maskPhone(row.phone),
      status: row.status,
      usdTotal: roundUsdHalfEven(row.usdTotal),
      createdAt: row.createdAt.toISOString(),
    })),
    ...count,
    page: params.page,
    pageSize: params.pageSize,
    pageCount: Math.max(1, Math.ceil(knownRows / params.pageSize)),
    hasNextPage,
    contactMasked: !showContact,
  };
}

/** Runs any input through the URL parsers, so the domain applies the very rules the URL does. */
function normaliseParams(input: Partial<ConsoleCustomerListParams>): ConsoleCustomerListParams {
  return loadCustomerListParams(serializeCustomerListParams(input));
}

function toFilterSet(params: ConsoleCustomerListParams): CustomerFilterSet {
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
