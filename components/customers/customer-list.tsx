'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useQueryStates } from 'nuqs';
import { useCallback, useRef } from 'react';
import { Pagination } from '@/components/data-table/pagination';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import type { ConsoleCustomerPage, ConsoleCustomerRow } from '@/lib/customers/console-list';
import {
  CLEARED_CUSTOMER_FILTERS,
  CUSTOMER_LIST_PAGE_SIZES,
  customerListParsers,
  customerListUrlKeys,
  customerQueryKeys,
  hasActiveFilters,
  serializeCustomerListParams,
  type ConsoleCustomerListParams,
  type CustomerListPageSize,
  type CustomerListSort,
} from '@/lib/customers/search-params';
import { CustomerFilters, type CustomerFilterUpdate } from './customer-filters';
import { StatusBadge } from './status-badge';

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

/** "1234567.50" → "$1,234,567.50", on the string: the amount never passes through a float. */
export function formatUsd(amount: string): string {
  const [whole = '0', cents = '00'] = amount.split('.');
  return `$${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

async function fetchCustomerPage(
  params: ConsoleCustomerListParams,
  signal: AbortSignal,
): Promise<ConsoleCustomerPage> {
  const response = await fetch(`/api/customers${serializeCustomerListParams(params)}`, {
    signal,
    headers: { Accept: 'application/json' },
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as { detail?: string } | null;
    throw new Error(
      problem?.detail ?? `The customer list could not be loaded (${response.status}).`,
    );
  }
  return (await response.json()) as ConsoleCustomerPage;
}

const headerClass =
  'px-4 py-3 text-left text-xs font-medium tracking-wide whitespace-nowrap text-zinc-600 uppercase dark:text-zinc-400';

/**
 * The customer table. Its whole state is in the URL; rows come from react-query (hydrated by
 * the server page), and while the next page loads the current rows stay, dimmed.
 */
export function CustomerList() {
  const router = useRouter();
  const [params, setParams] = useQueryStates(customerListParsers, {
    urlKeys: customerListUrlKeys,
    history: 'push',
    scroll: false,
  });
  const query = useQuery({
    queryKey: customerQueryKeys.list(params),
    queryFn: ({ signal }) => fetchCustomerPage(params, signal),
    placeholderData: keepPreviousData,
  });

  const changeFilters = useCallback(
    (update: CustomerFilterUpdate) => void setParams({ ...update, page: null }),
    [setParams],
  );
  const clearFilters = useCallback(() => void setParams(CLEARED_CUSTOMER_FILTERS), [setParams]);
  const tableRef = useRef<HTMLDivElement>(null);
  const goToPage = (page: number) => {
    void setParams({ page: page === 1 ? null : page });
    // From the pager below the table, bring the top of the new page into view.
    const top = tableRef.current?.getBoundingClientRect().top ?? 0;
    if (top < 0) tableRef.current?.scrollIntoView({ block: 'start' });
  };

  const data = query.data;
  const updating = query.isFetching && (query.isPlaceholderData || !data);
  const filtersActive = hasActiveFilters(params);

  return (
    <div className="space-y-4">
      <CustomerFilters
        params={params}
        filtersActive={filtersActive}
        onChange={changeFilters}
        onClear={clearFilters}
      />

      {query.isError ? (
        <div
          role="alert"
          className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
        >
          <span>{query.error.message}</span>
          <Button variant="secondary" type="button" onClick={() => void query.refetch()}>
            Try again
          </Button>
        </div>
      ) : null}

      {data?.contactMasked ? (
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          Email addresses and phone numbers are masked for your role.
        </p>
      ) : null}

      <div
        ref={tableRef}
        className="relative scroll-mt-4 overflow-hidden rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
      >
        <div
          aria-hidden="true"
          className={`absolute inset-x-0 top-0 h-0.5 overflow-hidden transition-opacity ${updating ? 'opacity-100' : 'opacity-0'}`}
        >
          <div className="h-full w-full animate-pulse bg-indigo-600 motion-reduce:animate-none dark:bg-indigo-400" />
        </div>
        <p role="status" className="sr-only">
          {updating ? 'Loading customers…' : ''}
        </p>
        <div className="overflow-x-auto">
          <table
            aria-busy={updating}
            aria-label="Customers"
            className={`min-w-full divide-y divide-zinc-200 text-sm transition-opacity dark:divide-zinc-800 ${
              query.isPlaceholderData ? 'opacity-60' : ''
            }`}
          >
            <thead className="bg-zinc-50 dark:bg-zinc-900">
              <tr>
                <SortableHeader
                  label="Name"
                  ascending="name-asc"
                  descending="name-desc"
                  sort={params.sort}
                  onSort={(sort) => changeFilters({ sort })}
                />
                <th scope="col" className={`${headerClass} hidden lg:table-cell`}>
                  Type
                </th>
                <th scope="col" className={headerClass}>
                  Email
                </th>
                <th scope="col" className={`${headerClass} hidden lg:table-cell`}>
                  Phone
                </th>
                <th scope="col" className={headerClass}>
                  Status
                </th>
                <th scope="col" className={`${headerClass} text-right`}>
                  Balance (USD)
                </th>
                <SortableHeader
                  label="Created"
                  ascending="created-asc"
                  descending="created-desc"
                  sort={params.sort}
                  onSort={(sort) => changeFilters({ sort })}
                />
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {data
                ? data.rows.map((customer) => (
                    <CustomerTableRow
                      key={customer.id}
                      customer={customer}
                      onOpen={(href) => router.push(href)}
                    />
                  ))
                : Array.from({ length: params.pageSize }, (_, index) => (
                    <tr key={index}>
                      <td colSpan={7} className="px-4 py-3">
                        <Skeleton className="h-9 w-full" />
                      </td>
                    </tr>
                  ))}
            </tbody>
          </table>
        </div>
        {data && data.rows.length === 0 ? (
          <EmptyState
            page={data.page}
            totalCount={data.totalCount}
            filtersActive={filtersActive}
            onClear={clearFilters}
            onFirstPage={() => goToPage(1)}
          />
        ) : null}
      </div>

      {data ? (
        <Pagination
          page={params.page}
          pageSize={params.pageSize}
          pageCount={data.pageCount}
          pageSizes={CUSTOMER_LIST_PAGE_SIZES}
          shown={{
            firstRow: (data.page - 1) * data.pageSize + 1,
            rowCount: data.rows.length,
            totalCount: data.totalCount,
            totalCountExact: data.totalCountExact,
            hasMore: data.hasNextPage,
          }}
          onPageChange={goToPage}
          onPageSizeChange={(pageSize) =>
            changeFilters({ pageSize: pageSize as CustomerListPageSize })
          }
        />
      ) : null}
    </div>
  );
}

function SortableHeader({
  label,
  ascending,
  descending,
  sort,
  onSort,
}: {
  label: string;
  ascending: CustomerListSort;
  descending: CustomerListSort;
  sort: CustomerListSort;
  onSort: (sort: CustomerListSort) => void;
}) {
  const direction = sort === ascending ? 'ascending' : sort === descending ? 'descending' : 'none';
  const next = direction === 'ascending' ? descending : ascending;
  return (
    <th scope="col" aria-sort={direction} className={headerClass}>
      <button
        type="button"
        onClick={() => onSort(next)}
        aria-label={`${label}, sort ${next === ascending ? 'ascending' : 'descending'}`}
        className="-mx-1 inline-flex items-center gap-1 rounded px-1 uppercase hover:text-zinc-900 dark:hover:text-zinc-100"
      >
        {label}
        <span aria-hidden="true" className="text-[10px]">
          {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}
        </span>
      </button>
    </th>
  );
}

function CustomerTableRow({
  customer,
  onOpen,
}: {
  customer: ConsoleCustomerRow;
  onOpen: (href: string) => void;
}) {
  const href = `/customers/${customer.id}`;
  return (
    <tr
      data-testid="customer-row"
      className="cursor-pointer hover:bg-zinc-50 dark:hover:bg-zinc-800/50"
      onClick={(event) => {
        // The link handles its own clicks; a drag that selected text is not a click on the row.
        if ((event.target as HTMLElement).closest('a, button')) return;
        if (window.getSelection()?.toString()) return;
        if (event.metaKey || event.ctrlKey) window.open(href, '_blank', 'noopener');
        else onOpen(href);
      }}
    >
      <td className="px-4 py-3">
        <Link
          href={href}
          prefetch={false}
          className="font-medium text-zinc-900 hover:underline focus-visible:underline dark:text-zinc-100"
        >
          {customer.displayName}
        </Link>
        <div className="font-mono text-xs text-zinc-600 dark:text-zinc-400">{customer.id}</div>
      </td>
      <td className="hidden px-4 py-3 capitalize lg:table-cell">{customer.type}</td>
      <td className="max-w-48 truncate px-4 py-3 xl:max-w-64" title={customer.email ?? undefined}>
        {customer.email ?? <span className="text-zinc-600 dark:text-zinc-400">—</span>}
      </td>
      <td className="hidden px-4 py-3 whitespace-nowrap tabular-nums lg:table-cell">
        {customer.phone ?? <span className="text-zinc-600 dark:text-zinc-400">—</span>}
      </td>
      <td className="px-4 py-3">
        <StatusBadge status={customer.status} />
      </td>
      <td className="px-4 py-3 text-right whitespace-nowrap tabular-nums">
        {formatUsd(customer.usdTotal)}
      </td>
      <td className="px-4 py-3 whitespace-nowrap">
        <time dateTime={customer.createdAt}>{dateFormat.format(new Date(customer.createdAt))}</time>
      </td>
    </tr>
  );
}

function EmptyState({
  page,
  totalCount,
  filtersActive,
  onClear,
  onFirstPage,
}: {
  page: number;
  totalCount: number;
  filtersActive: boolean;
  onClear: () => void;
  onFirstPage: () => void;
}) {
  if (totalCount > 0) {
    return (
      <div className="space-y-3 px-4 py-10 text-center">
        <p className="text-zinc-600 dark:text-zinc-400">There are no customers on page {page}.</p>
        <Button variant="secondary" type="button" onClick={onFirstPage}>
          Go to the first page
        </Button>
      </div>
    );
  }
  if (filtersActive) {
    return (
      <div className="space-y-3 px-4 py-10 text-center">
        <p className="font-medium">No customers match these filters.</p>
        <Button variant="secondary" type="button" onClick={onClear}>
          Clear filters
        </Button>
      </div>
    );
  }
  return (
    <p className="px-4 py-10 text-center text-zinc-600 dark:text-zinc-400">No customers yet.</p>
  );
}
