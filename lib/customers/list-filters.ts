import 'server-only';
import {
  and,
  eq,
  gte,
  inArray,
  isNull,
  lt,
  or,
  sql,
  type Placeholder,
  type SQL,
} from 'drizzle-orm';
import { db } from '@/db/client';
import { customers } from '@/db/schema';
import { literalLimit, statementName } from '@/db/prepared';
import type { CustomerListFilters } from './schemas';

/** Beyond this many matches a filtered count stops; the contract allows a lower bound. */
export const COUNT_LIMIT = 10_000;

/**
 * The filters of the API's list, plus the console's own: `hasFunds` (customers with a
 * non-zero balance, kept by the ledger in `customers.has_funds`).
 */
export type CustomerFilterSet = CustomerListFilters & { hasFunds?: true };

/** Escapes LIKE's wildcards so `%` and `_` in a search term match themselves. */
export function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * How a filter value enters the SQL: as itself (a parameter of this one statement, the
 * default), or, from `placeholders()`, as a named placeholder of a statement prepared once
 * per shape and executed with the values collected on the way.
 */
export type Bind = <T>(name: string, value: T) => T | Placeholder;
export const bindValues: Bind = (_name, value) => value;

export function placeholders(): { bind: Bind; values: Record<string, unknown> } {
  const values: Record<string, unknown> = {};
  const bind: Bind = (name, value) => {
    values[name] = value;
    return sql.placeholder(name);
  };
  return { bind, values };
}

/** Live customers matching every given filter (AND). Unset filters add nothing. */
export function customerFilterConditions(filters: CustomerFilterSet, bind = bindValues): SQL {
  const conditions: (SQL | undefined)[] = [isNull(customers.deletedAt)];
  if (filters.email) {
    conditions.push(sql`lower(${customers.email}) = lower(${bind('email', filters.email)})`);
  }
  if (filters.phone) conditions.push(eq(customers.phone, bind('phone', filters.phone)));
  if (filters.customerId) {
    conditions.push(eq(customers.id, bind('customerId', filters.customerId)));
  }
  if (filters.externalId) {
    conditions.push(eq(customers.externalId, bind('externalId', filters.externalId)));
  }
  if (filters.type) conditions.push(eq(customers.type, bind('type', filters.type)));
  if (filters.statuses?.length) {
    conditions.push(
      inArray(
        customers.status,
        filters.statuses.map((status, i) => bind(`status${i}`, status)),
      ),
    );
  }
  if (filters.createdFrom) {
    conditions.push(gte(customers.createdAt, bind('createdFrom', filters.createdFrom)));
  }
  if (filters.createdBefore) {
    conditions.push(lt(customers.createdAt, bind('createdBefore', filters.createdBefore)));
  }
  if (filters.hasFunds) conditions.push(eq(customers.hasFunds, true));
  if (filters.q) {
    const escaped = escapeLike(filters.q);
    conditions.push(
      or(
        sql`${customers.searchText} like ${`%${escaped.toLowerCase()}%`}`,
        sql`${customers.id} like ${`${escaped}%`}`,
      ),
    );
  }
  return and(...conditions)!;
}

/**
 * What shapes the SQL text of `customerFilterConditions` (which filters, how many statuses),
 * to name a prepared statement by (see `statementName`). Null for a search: a plan made for
 * any `q` would suit a common term or a rare one, not both, so `q` is planned per call.
 */
export function customerFiltersShape(filters: CustomerFilterSet): string | null {
  if (filters.q) return null;
  return Object.entries(filters)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => (Array.isArray(value) ? `${key}${value.length}` : key))
    .sort()
    .join(',');
}

/**
 * For the unfiltered list and type/status filters: their exact total, kept per type and status
 * by a trigger, as a scalar subquery (text) a page's own statement can carry, so the page and
 * its count are one round trip. Null for any other filter.
 */
export function keptCountSql(filters: CustomerFilterSet, bind = bindValues): SQL<string> | null {
  const onlyTypeAndStatus = Object.entries(filters).every(
    ([key, value]) => value === undefined || key === 'type' || key === 'statuses',
  );
  if (!onlyTypeAndStatus) return null;
  const conditions: SQL[] = [sql`true`];
  if (filters.type) conditions.push(sql`kept.type = ${bind('keptType', filters.type)}`);
  if (filters.statuses?.length) {
    conditions.push(
      sql`kept.status in (${sql.join(
        filters.statuses.map((status, i) => sql`${bind(`keptStatus${i}`, status)}`),
        sql`, `,
      )})`,
    );
  }
  return sql<string>`(select coalesce(sum(kept.count), 0)::text from customer_counts kept where ${sql.join(conditions, sql` and `)})`;
}

export type ListTotal = { totalCount: number; totalCountExact: boolean };

/**
 * A page's total when its own rows tell it: the kept count a page statement carries (see
 * `keptCountSql`), or, for a first page that is not full (at most `limit` of the `limit + 1`
 * rows asked for), its length. Null when it must be counted.
 */
export function totalFromPage(
  rows: readonly object[],
  limit: number,
  firstPage: boolean,
): ListTotal | null {
  const first = rows[0];
  if (first && 'keptCount' in first)
    return { totalCount: Number(first.keptCount), totalCountExact: true };
  if (firstPage && rows.length <= limit) return { totalCount: rows.length, totalCountExact: true };
  return null;
}

/**
 * Exact for the unfiltered list and type/status filters at any size (kept per type and status
 * by a trigger); other filters count up to 10,000 matches and then report a lower bound.
 */
export async function countCustomers(filters: CustomerFilterSet, where: SQL): Promise<ListTotal> {
  const kept = keptCountSql(filters);
  if (kept) {
    const result = await db.execute<{ n: string }>(sql`select ${kept} as n`);
    return { totalCount: Number(result.rows[0]?.n ?? 0), totalCountExact: true };
  }
  const shape = customerFiltersShape(filters);
  const key = canonicalFilters(filters);
  const now = Date.now();
  const broad = broadFilters.get(key);
  if (broad && broad > now) return { totalCount: COUNT_LIMIT, totalCountExact: false };

  const matches = db
    .select({ one: sql`1` })
    .from(customers)
    .where(where)
    .limit(literalLimit(COUNT_LIMIT + 1))
    .as('matches');
  const capped = db.select({ n: sql<number>`count(*)::int` }).from(matches);
  const [result] = await (
    shape === null ? capped : capped.prepare(statementName('capped_count', shape))
  ).execute();
  const n = result?.n ?? 0;
  if (n <= COUNT_LIMIT) return { totalCount: n, totalCountExact: true };
  if (broadFilters.size >= BROAD_FILTERS_MAX) broadFilters.clear();
  broadFilters.set(key, now + BROAD_FILTER_TTL_MS);
  return { totalCount: COUNT_LIMIT, totalCountExact: false };
}

/**
 * Filters known to match more than COUNT_LIMIT customers, until when. Counting the first
 * 10,001 matches of a broad search reads as many rows (tens of ms); paging through its
 * results, or the next support agent searching the same common term, reuses the answer: a
 * lower bound, which stays true unless that many matching customers are deleted within the
 * minute. Per instance, in memory: it is a cache, not state. Exact counts are never cached.
 */
const broadFilters = new Map<string, number>();
const BROAD_FILTER_TTL_MS = 60_000;
const BROAD_FILTERS_MAX = 1_000;

/** Filters (and anything else set beside them) as one canonical string: set keys, sorted. */
export function canonicalFilters(filters: object): string {
  return JSON.stringify(
    Object.entries(filters)
      .filter(([, value]) => value !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}
