import {
  createLoader,
  createParser,
  createSerializer,
  parseAsArrayOf,
  parseAsBoolean,
  parseAsInteger,
  parseAsNumberLiteral,
  parseAsString,
  parseAsStringLiteral,
  type inferParserType,
} from 'nuqs/server';
import { CUSTOMER_STATUSES, CUSTOMER_TYPES } from './constants';

/**
 * The customer list's state, as the URL holds it: one parser set shared by the server page
 * (prefetch), the dashboard endpoint and the client (`useQueryStates`). A bad value falls back
 * to its default instead of failing, so any hand-edited or outdated link still opens a list.
 */

export const CUSTOMER_LIST_SORTS = [
  'created-desc',
  'created-asc',
  'name-asc',
  'name-desc',
] as const;
export type CustomerListSort = (typeof CUSTOMER_LIST_SORTS)[number];

export const CUSTOMER_LIST_PAGE_SIZES = [20, 50, 100] as const;
export type CustomerListPageSize = (typeof CUSTOMER_LIST_PAGE_SIZES)[number];

/** Shorter search terms are not applied: a substring that short matches nearly everyone. */
export const SEARCH_MIN_LENGTH = 3;
export const SEARCH_MAX_LENGTH = 100;

/** Deep offsets get slow and nobody pages that far; the filters are the way there. */
export const MAX_PAGE = 50_000;

const parseAsPage = createParser({
  parse: (value) => {
    const page = parseAsInteger.parse(value);
    return page !== null && page >= 1 && page <= MAX_PAGE ? page : null;
  },
  serialize: (page: number) => String(page),
});

/** A calendar day, YYYY-MM-DD, kept as that string (days are UTC days, like the table shows). */
const parseAsDay = createParser({
  parse: (value) => (isCalendarDay(value) ? value : null),
  serialize: (day: string) => day,
});

export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export const customerListParsers = {
  q: parseAsString.withDefault(''),
  type: parseAsStringLiteral(CUSTOMER_TYPES),
  statuses: parseAsArrayOf(parseAsStringLiteral(CUSTOMER_STATUSES)).withDefault([]),
  createdFrom: parseAsDay,
  createdTo: parseAsDay,
  hasBalance: parseAsBoolean.withDefault(false),
  sort: parseAsStringLiteral(CUSTOMER_LIST_SORTS).withDefault('created-desc'),
  page: parseAsPage.withDefault(1),
  pageSize: parseAsNumberLiteral(CUSTOMER_LIST_PAGE_SIZES).withDefault(20),
};

/** Short, readable names in the URL for the longer state names. */
export const customerListUrlKeys = {
  statuses: 'status',
  createdFrom: 'from',
  createdTo: 'to',
  hasBalance: 'funded',
} as const;

/** The whole list state: filters, sort and page. Unset filters are '' / null / [] / false. */
export type ConsoleCustomerListParams = inferParserType<typeof customerListParsers>;

export const loadCustomerListParams = createLoader(customerListParsers, {
  urlKeys: customerListUrlKeys,
});

/** The query string of a list state (defaults left out), e.g. "?status=approved&page=2". */
export const serializeCustomerListParams = createSerializer(customerListParsers, {
  urlKeys: customerListUrlKeys,
});

export const DEFAULT_CUSTOMER_LIST_PARAMS: ConsoleCustomerListParams = loadCustomerListParams(
  new URLSearchParams(),
);

/** The filters a "Clear filters" resets; sort and page size are preferences and stay. */
export const CLEARED_CUSTOMER_FILTERS = {
  q: null,
  type: null,
  statuses: null,
  createdFrom: null,
  createdTo: null,
  hasBalance: null,
  page: null,
} as const;

export function hasActiveFilters(params: ConsoleCustomerListParams): boolean {
  return (
    params.q.trim() !== '' ||
    params.type !== null ||
    params.statuses.length > 0 ||
    params.createdFrom !== null ||
    params.createdTo !== null ||
    params.hasBalance
  );
}

/** react-query keys: the server prefetch and the client must build the same one. */
export const customerQueryKeys = {
  all: ['customers'] as const,
  list: (params: ConsoleCustomerListParams) => ['customers', 'console-list', params] as const,
  lookup: (term: string) => ['customers', 'lookup', term] as const,
};
