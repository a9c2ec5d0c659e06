'use client';

import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useState, useSyncExternalStore } from 'react';
import { StatusBadge } from '@/components/customers/status-badge';
import { Dialog } from '@/components/ui/dialog';
import type { CustomerLookupResult, LookupMatch } from '@/lib/customers/lookup';
import { customerQueryKeys } from '@/lib/customers/search-params';

const DEBOUNCE_MS = 200;

const MATCH_LABELS: Record<LookupMatch, string> = {
  id: 'id',
  email: 'email',
  phone: 'phone',
  externalId: 'external id',
  wallet: 'wallet address',
  name: 'name',
};

async function fetchLookup(term: string, signal?: AbortSignal): Promise<CustomerLookupResult[]> {
  const response = await fetch(`/api/lookup?q=${encodeURIComponent(term)}`, { signal });
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as { detail?: string } | null;
    throw new Error(problem?.detail ?? `The lookup failed (${response.status}).`);
  }
  return ((await response.json()) as { results: CustomerLookupResult[] }).results;
}

const lookupQuery = (term: string) => ({
  queryKey: customerQueryKeys.lookup(term),
  queryFn: ({ signal }: { signal?: AbortSignal }) => fetchLookup(term, signal),
  staleTime: 10_000,
});

const noSubscription = () => () => {};
const isApplePlatform = () => /Mac|iPhone|iPad/.test(navigator.userAgent);

/**
 * The header's "Search…" button and the command palette it opens: Ctrl+K (⌘K on a Mac)
 * anywhere in the console opens it too. It finds a customer by id, email, phone, external id,
 * wallet address or name and opens the customer's page.
 */
export function QuickLookup() {
  const [open, setOpen] = useState(false);
  const apple = useSyncExternalStore(noSubscription, isApplePlatform, () => false);

  useEffect(() => {
    function openOnShortcut(event: KeyboardEvent) {
      if (event.key.toLowerCase() !== 'k' || event.altKey || event.shiftKey) return;
      if (!(event.ctrlKey || event.metaKey)) return;
      event.preventDefault();
      setOpen(true);
    }
    document.addEventListener('keydown', openOnShortcut);
    return () => document.removeEventListener('keydown', openOnShortcut);
  }, []);

  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        aria-keyshortcuts="Control+K Meta+K"
        className="inline-flex h-9 items-center gap-3 rounded-md border border-zinc-300 bg-white px-3 text-sm text-zinc-600 hover:border-zinc-400 hover:text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-400 dark:hover:border-zinc-500 dark:hover:text-zinc-100"
      >
        <span>Search…</span>
        <kbd className="rounded border border-zinc-300 px-1.5 font-sans text-xs dark:border-zinc-700">
          {apple ? '⌘' : 'Ctrl'} K
        </kbd>
      </button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title="Find a customer"
        description="By id, email, phone, external id, wallet address or name."
      >
        <LookupPalette onDone={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

function useDebounced(value: string, delay: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}

/** A combobox with a listbox popup (WAI-ARIA): focus stays in the input, arrows move the choice. */
function LookupPalette({ onDone }: { onDone: () => void }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const ids = useId();
  const [term, setTerm] = useState('');
  const searched = useDebounced(term.trim(), DEBOUNCE_MS);
  const query = useQuery({
    ...lookupQuery(searched),
    enabled: searched !== '',
    placeholderData: keepPreviousData,
  });
  const results = searched !== '' ? (query.data ?? []) : [];

  const [active, setActive] = useState(0);
  const [shownResults, setShownResults] = useState(results);
  if (shownResults !== results && query.data !== undefined) {
    setShownResults(results);
    setActive(0);
  }
  const activeIndex = Math.min(active, results.length - 1);
  const optionId = (index: number) => `${ids}-option-${index}`;

  useEffect(() => {
    if (activeIndex < 0) return;
    document.getElementById(`${ids}-option-${activeIndex}`)?.scrollIntoView({ block: 'nearest' });
  }, [ids, activeIndex]);

  function openCustomer(result: CustomerLookupResult) {
    onDone();
    router.push(`/customers/${result.id}`);
  }

  async function choose() {
    const current = term.trim();
    if (current === '') return;
    const upToDate = current === searched && !query.isPlaceholderData && query.isSuccess;
    const chosen = upToDate ? results[activeIndex] : undefined;
    if (chosen) return openCustomer(chosen);
    // Enter before the debounced search caught up: look the typed term up now.
    const fresh = await queryClient.fetchQuery(lookupQuery(current)).catch(() => []);
    if (fresh[0]) openCustomer(fresh[0]);
  }

  const busy = query.isFetching || term.trim() !== searched;
  const status =
    term.trim() === ''
      ? ''
      : query.isError
        ? query.error.message
        : busy && results.length === 0
          ? 'Searching…'
          : results.length === 0
            ? 'No customer matches.'
            : `${results.length} ${results.length === 1 ? 'customer' : 'customers'} found.`;

  return (
    <div className="space-y-3">
      <label htmlFor={`${ids}-input`} className="sr-only">
        Customer
      </label>
      <input
        id={`${ids}-input`}
        type="text"
        role="combobox"
        autoFocus
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={results.length > 0}
        aria-controls={`${ids}-listbox`}
        aria-activedescendant={activeIndex >= 0 ? optionId(activeIndex) : undefined}
        aria-busy={busy}
        value={term}
        onChange={(event) => setTerm(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            if (results.length === 0) return;
            const step = event.key === 'ArrowDown' ? 1 : -1;
            setActive((activeIndex + step + results.length) % results.length);
          } else if (event.key === 'Enter') {
            event.preventDefault();
            void choose();
          }
        }}
        placeholder="cus_…, jane@example.com, +1 415…, 0x…"
        className="block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-base shadow-sm dark:border-zinc-700 dark:bg-zinc-950"
      />
      <p role="status" className="min-h-5 text-sm text-zinc-600 dark:text-zinc-400">
        {status}
      </p>
      <ul
        id={`${ids}-listbox`}
        role="listbox"
        aria-label="Matching customers"
        className={`max-h-80 overflow-y-auto ${results.length > 0 ? '' : 'hidden'} ${
          query.isPlaceholderData ? 'opacity-60' : ''
        }`}
      >
        {results.map((result, index) => (
          <li
            key={result.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === activeIndex}
            onMouseDown={(event) => event.preventDefault()}
            onMouseMove={() => setActive(index)}
            onClick={() => openCustomer(result)}
            className="flex cursor-pointer items-center justify-between gap-3 rounded-md px-3 py-2 aria-selected:bg-indigo-50 dark:aria-selected:bg-indigo-950"
          >
            <div className="min-w-0">
              <div className="truncate font-medium">{result.displayName}</div>
              <div className="truncate text-xs text-zinc-600 dark:text-zinc-400">
                <span className="font-mono">{result.id}</span>
                {result.email ? <> · {result.email}</> : null}
              </div>
            </div>
            <div className="flex shrink-0 flex-col items-end gap-1">
              <StatusBadge status={result.status} />
              <span className="text-xs text-zinc-600 dark:text-zinc-400">
                by {MATCH_LABELS[result.matched]}
              </span>
            </div>
          </li>
        ))}
      </ul>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        <kbd>↑</kbd> <kbd>↓</kbd> to choose · <kbd>Enter</kbd> to open · <kbd>Esc</kbd> to close
      </p>
    </div>
  );
}
