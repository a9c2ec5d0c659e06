'use client';

import { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { Button } from '@/components/ui/button';
import {
  CUSTOMER_LIST_SORTS,
  SEARCH_MIN_LENGTH,
  type ConsoleCustomerListParams,
  type CustomerListSort,
} from '@/lib/customers/search-params';
import { CUSTOMER_STATUSES, CUSTOMER_TYPES, type CustomerType } from '@/lib/customers/constants';
import { STATUS_LABELS } from './status-badge';

export type CustomerFilterUpdate = Partial<{
  [K in keyof ConsoleCustomerListParams]: ConsoleCustomerListParams[K] | null;
}>;

const SEARCH_DEBOUNCE_MS = 300;

const noSubscription = () => () => {};

export const SORT_LABELS: Record<CustomerListSort, string> = {
  'created-desc': 'Newest first',
  'created-asc': 'Oldest first',
  'name-asc': 'Name A–Z',
  'name-desc': 'Name Z–A',
};

const TYPE_LABELS: Record<CustomerType, string> = {
  individual: 'Individuals',
  business: 'Businesses',
};

const controlClass =
  'h-9 w-full rounded-md border border-zinc-300 bg-white px-2 text-sm shadow-sm dark:border-zinc-700 dark:bg-zinc-900';
const labelClass = 'block text-xs font-medium text-zinc-600 dark:text-zinc-400';

const NON_TEXT_INPUTS = new Set([
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'range',
  'color',
]);

/** Whether a key press belongs to a field: "/" typed there is text, not a shortcut. */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLInputElement) return !NON_TEXT_INPUTS.has(target.type);
  return target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/**
 * The list's filters. Every change goes straight to the URL (one history entry each); the
 * search box waits for a pause in typing first. "/" anywhere outside a field focuses search.
 */
export function CustomerFilters({
  params,
  filtersActive,
  onChange,
  onClear,
}: {
  params: ConsoleCustomerListParams;
  filtersActive: boolean;
  onChange: (update: CustomerFilterUpdate) => void;
  onClear: () => void;
}) {
  const ids = useId();
  const searchRef = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState(params.q);
  const [syncedQ, setSyncedQ] = useState(params.q);
  // Back/Forward or "Clear filters" changed the term: show it, unless it is what is being typed.
  if (params.q !== syncedQ) {
    setSyncedQ(params.q);
    if (draft.trim() !== params.q) setDraft(params.q);
  }

  useEffect(() => {
    const term = draft.trim();
    if (term === params.q) return;
    const timer = setTimeout(() => onChange({ q: term || null }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft, params.q, onChange]);

  useEffect(() => {
    function focusSearch(event: KeyboardEvent) {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.defaultPrevented || isTypingTarget(event.target)) return;
      event.preventDefault();
      searchRef.current?.focus();
      searchRef.current?.select();
    }
    document.addEventListener('keydown', focusSearch);
    return () => document.removeEventListener('keydown', focusSearch);
  }, []);

  // The "/" shortcut works once this has hydrated; its hint says so only from then on.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const termTooShort = draft.trim().length > 0 && draft.trim().length < SEARCH_MIN_LENGTH;
  const toggleStatus = (status: (typeof CUSTOMER_STATUSES)[number], on: boolean) => {
    const next = CUSTOMER_STATUSES.filter((s) => (s === status ? on : params.statuses.includes(s)));
    onChange({ statuses: next.length > 0 ? next : null });
  };

  return (
    <div className="space-y-3 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <div
        role="search"
        aria-label="Customers"
        className="grid grid-cols-2 items-start gap-3 md:grid-cols-4 lg:grid-cols-[minmax(16rem,1fr)_auto_auto_auto_auto]"
      >
        <div className="col-span-2 space-y-1 md:col-span-4 lg:col-span-1">
          <label htmlFor={`${ids}-q`} className={labelClass}>
            Search
          </label>
          <div className="relative">
            <input
              ref={searchRef}
              id={`${ids}-q`}
              type="search"
              value={draft}
              onChange={(event) => setDraft(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') onChange({ q: draft.trim() || null });
              }}
              placeholder="Name, email, phone, external id or id"
              maxLength={100}
              autoComplete="off"
              aria-describedby={`${ids}-q-hint`}
              className={`${controlClass} w-full pr-9`}
            />
            <kbd
              aria-hidden="true"
              className="pointer-events-none absolute top-1/2 right-2 -translate-y-1/2 rounded border border-zinc-300 px-1.5 text-xs text-zinc-600 dark:border-zinc-700 dark:text-zinc-400"
            >
              /
            </kbd>
          </div>
          <p id={`${ids}-q-hint`} className="min-h-4 text-xs text-zinc-600 dark:text-zinc-400">
            {termTooShort
              ? `Type at least ${SEARCH_MIN_LENGTH} characters to search.`
              : hydrated
                ? 'Press / to search from anywhere on this page.'
                : null}
          </p>
        </div>

        <div className="space-y-1">
          <label htmlFor={`${ids}-type`} className={labelClass}>
            Type
          </label>
          <select
            id={`${ids}-type`}
            value={params.type ?? ''}
            onChange={(event) =>
              onChange({ type: (event.target.value || null) as CustomerType | null })
            }
            className={controlClass}
          >
            <option value="">All types</option>
            {CUSTOMER_TYPES.map((type) => (
              <option key={type} value={type}>
                {TYPE_LABELS[type]}
              </option>
            ))}
          </select>
        </div>

        <div className="space-y-1">
          <label htmlFor={`${ids}-from`} className={labelClass}>
            Created from
          </label>
          <input
            id={`${ids}-from`}
            type="date"
            value={params.createdFrom ?? ''}
            max={params.createdTo ?? undefined}
            onChange={(event) => onChange({ createdFrom: event.target.value || null })}
            className={controlClass}
          />
        </div>

        <div className="space-y-1">
          <label htmlFor={`${ids}-to`} className={labelClass}>
            Created to
          </label>
          <input
            id={`${ids}-to`}
            type="date"
            value={params.createdTo ?? ''}
            min={params.createdFrom ?? undefined}
            onChange={(event) => onChange({ createdTo: event.target.value || null })}
            className={controlClass}
          />
        </div>

        <div className="space-y-1">
          <label htmlFor={`${ids}-sort`} className={labelClass}>
            Sort
          </label>
          <select
            id={`${ids}-sort`}
            value={params.sort}
            onChange={(event) => onChange({ sort: event.target.value as CustomerListSort })}
            className={controlClass}
          >
            {CUSTOMER_LIST_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {SORT_LABELS[sort]}
              </option>
            ))}
          </select>
        </div>
      </div>

      <div className="flex flex-wrap items-center justify-between gap-3">
        <fieldset className="flex flex-wrap items-center gap-2">
          <legend className="sr-only">Status</legend>
          <span
            aria-hidden="true"
            className="mr-1 text-xs font-medium text-zinc-600 dark:text-zinc-400"
          >
            Status
          </span>
          {CUSTOMER_STATUSES.map((status) => (
            <label
              key={status}
              className="inline-flex cursor-pointer items-center gap-1.5 rounded-full border border-zinc-300 px-2.5 py-1 text-xs font-medium text-zinc-700 has-checked:border-indigo-600 has-checked:bg-indigo-50 has-checked:text-indigo-800 has-focus-visible:ring-2 has-focus-visible:ring-indigo-500 dark:border-zinc-700 dark:text-zinc-300 dark:has-checked:border-indigo-400 dark:has-checked:bg-indigo-950 dark:has-checked:text-indigo-200"
            >
              <input
                type="checkbox"
                className="size-3.5 accent-indigo-600"
                checked={params.statuses.includes(status)}
                onChange={(event) => toggleStatus(status, event.target.checked)}
              />
              {STATUS_LABELS[status]}
            </label>
          ))}
          <label className="ml-2 inline-flex cursor-pointer items-center gap-1.5 text-xs font-medium text-zinc-700 dark:text-zinc-300">
            <input
              type="checkbox"
              className="size-3.5 accent-indigo-600"
              checked={params.hasBalance}
              onChange={(event) => onChange({ hasBalance: event.target.checked || null })}
            />
            With a balance
          </label>
        </fieldset>
        {filtersActive ? (
          <Button
            variant="ghost"
            type="button"
            onClick={() => {
              setDraft('');
              onClear();
            }}
            className="h-8 py-1"
          >
            Clear filters
          </Button>
        ) : null}
      </div>
    </div>
  );
}
