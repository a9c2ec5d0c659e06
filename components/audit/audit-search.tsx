'use client';

import { useQueryStates } from 'nuqs';
import { useEffect, useId, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { auditActionLabel, KNOWN_AUDIT_ACTIONS } from '@/lib/audit/action-labels';
import {
  auditSearchParsers,
  auditSearchUrlKeys,
  CLEARED_AUDIT_FILTERS,
  hasActiveAuditFilters,
  type AuditSearchUrlState,
} from '@/lib/audit/search-params';
import type { AuditActorOption } from '@/lib/audit/search';
import { isCustomerIdShape } from '@/lib/ids';

const CUSTOMER_DEBOUNCE_MS = 400;

const controlClass =
  'h-9 w-full rounded-md border border-zinc-300 bg-white px-2 text-sm shadow-sm aria-invalid:border-red-500 dark:border-zinc-700 dark:bg-zinc-900';
const labelClass = 'block text-xs font-medium text-zinc-600 dark:text-zinc-400';

type FilterUpdate = Partial<Omit<AuditSearchUrlState, 'cursor'>>;

/**
 * The audit log's filters, kept in the URL. The page is rendered on the server, so each change
 * is a navigation (shallow: false) that starts again from the newest event; the events on
 * screen stay, dimmed, until the new ones arrive.
 */
export function AuditSearch({
  actors,
  children,
}: {
  actors: AuditActorOption[];
  /** The server-rendered events and pager. */
  children: React.ReactNode;
}) {
  const ids = useId();
  const [pending, startTransition] = useTransition();
  const [state, setState] = useQueryStates(auditSearchParsers, {
    urlKeys: auditSearchUrlKeys,
    shallow: false,
    history: 'push',
    scroll: false,
    startTransition,
  });
  const change = (update: FilterUpdate) => void setState({ ...update, cursor: null });

  const [draft, setDraft] = useState(state.customerId ?? '');
  const [syncedCustomer, setSyncedCustomer] = useState(state.customerId);
  // Back/Forward or "Clear filters" changed the id: show it, unless it is what is being typed.
  if (state.customerId !== syncedCustomer) {
    setSyncedCustomer(state.customerId);
    if (draft.trim() !== (state.customerId ?? '')) setDraft(state.customerId ?? '');
  }
  const typed = draft.trim();
  const customerInvalid = typed !== '' && !isCustomerIdShape(typed);

  useEffect(() => {
    if (typed === (state.customerId ?? '') || (typed !== '' && !isCustomerIdShape(typed))) return;
    const timer = setTimeout(
      () => void setState({ customerId: typed || null, cursor: null }),
      CUSTOMER_DEBOUNCE_MS,
    );
    return () => clearTimeout(timer);
  }, [typed, state.customerId, setState]);

  const staff = actors.filter((actor) => actor.kind === 'staff');
  const keys = actors.filter((actor) => actor.kind === 'api_key');
  const unknownActor =
    state.actor !== null && !actors.some((actor) => actor.id === state.actor) ? state.actor : null;
  const unknownAction =
    state.action !== null && !KNOWN_AUDIT_ACTIONS.includes(state.action) ? state.action : null;

  return (
    <div className="space-y-4">
      <div
        role="search"
        aria-label="Audit log"
        className="grid grid-cols-2 items-start gap-3 rounded-lg border border-zinc-200 bg-white p-4 md:grid-cols-3 lg:grid-cols-[repeat(3,minmax(0,1fr))_auto_auto_auto] dark:border-zinc-800 dark:bg-zinc-900"
      >
        <div className="space-y-1">
          <label htmlFor={`${ids}-action`} className={labelClass}>
            Action
          </label>
          <select
            id={`${ids}-action`}
            value={state.action ?? ''}
            onChange={(event) => change({ action: event.target.value || null })}
            className={controlClass}
          >
            <option value="">All actions</option>
            {unknownAction ? <option value={unknownAction}>{unknownAction}</option> : null}
            {KNOWN_AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {auditActionLabel(action)}
              </option>
            ))}
          </select>
        </div>

        <div className="space-y-1">
          <label htmlFor={`${ids}-actor`} className={labelClass}>
            Actor
          </label>
          <select
            id={`${ids}-actor`}
            value={state.actor ?? ''}
            onChange={(event) => change({ actor: event.target.value || null })}
            className={controlClass}
          >
            <option value="">Anyone</option>
            {unknownActor ? <option value={unknownActor}>{unknownActor}</option> : null}
            {staff.length > 0 ? (
              <optgroup label="Staff">
                {staff.map((actor) => (
                  <option key={actor.id} value={actor.id}>
                    {actor.label}
                  </option>
                ))}
              </optgroup>
            ) : null}
            {keys.length > 0 ? (
              <optgroup label="API keys">
                {keys.map((actor) => (
                  <option key={actor.id} value={actor.id}>
                    {actor.label}
                  </option>
                ))}
              </optgroup>
            ) : null}
          </select>
        </div>

        <div className="col-span-2 space-y-1 md:col-span-1">
          <label htmlFor={`${ids}-customer`} className={labelClass}>
            Customer id
          </label>
          <input
            id={`${ids}-customer`}
            type="search"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') change({ customerId: typed || null });
            }}
            placeholder="cus_… or biz_…"
            autoComplete="off"
            spellCheck={false}
            maxLength={70}
            aria-invalid={customerInvalid || undefined}
            aria-describedby={`${ids}-customer-hint`}
            className={`${controlClass} font-mono`}
          />
          <p
            id={`${ids}-customer-hint`}
            className={`min-h-4 text-xs ${customerInvalid ? 'text-red-700 dark:text-red-300' : 'text-zinc-600 dark:text-zinc-400'}`}
          >
            {customerInvalid ? 'A customer id starts with cus_ or biz_.' : null}
          </p>
        </div>

        <div className="space-y-1">
          <label htmlFor={`${ids}-from`} className={labelClass}>
            From
          </label>
          <input
            id={`${ids}-from`}
            type="date"
            value={state.from ?? ''}
            max={state.to ?? undefined}
            onChange={(event) => change({ from: event.target.value || null })}
            className={controlClass}
          />
        </div>

        <div className="space-y-1">
          <label htmlFor={`${ids}-to`} className={labelClass}>
            To
          </label>
          <input
            id={`${ids}-to`}
            type="date"
            value={state.to ?? ''}
            min={state.from ?? undefined}
            onChange={(event) => change({ to: event.target.value || null })}
            className={controlClass}
          />
        </div>

        <div className="flex items-start md:pt-5 lg:w-28">
          {hasActiveAuditFilters(state) ? (
            <Button
              variant="ghost"
              type="button"
              onClick={() => {
                setDraft('');
                void setState(CLEARED_AUDIT_FILTERS);
              }}
              className="h-9 py-1"
            >
              Clear filters
            </Button>
          ) : null}
        </div>
      </div>

      <p role="status" className="sr-only">
        {pending ? 'Loading events…' : ''}
      </p>
      <div
        aria-busy={pending}
        className={`transition-opacity ${pending ? 'opacity-60' : 'opacity-100'}`}
      >
        {children}
      </div>
    </div>
  );
}
