import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { auditActionLabel } from '@/lib/audit/action-labels';
import type { AuditEventRow } from '@/lib/audit/search';

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
const timeFormat = new Intl.DateTimeFormat('en-GB', { timeStyle: 'medium', timeZone: 'UTC' });

const SOURCE_LABELS: Record<AuditEventRow['source'], string> = {
  dashboard: 'Console',
  api: 'API',
  cli: 'Command line',
  system: 'System',
};

const ACTOR_KINDS: Record<AuditEventRow['actorType'], string> = {
  staff: 'Staff',
  api_key: 'API key',
  system: 'System',
};

const headerClass =
  'px-4 py-3 text-left text-xs font-medium tracking-wide whitespace-nowrap text-zinc-600 uppercase dark:text-zinc-400';
const mutedClass = 'text-zinc-600 dark:text-zinc-400';

function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(formatValue).join(', ');
  if (typeof value === 'object') {
    return Object.entries(value)
      .map(([key, inner]) => `${key}=${formatValue(inner)}`)
      .join('; ');
  }
  return String(value);
}

/** "status: under_review → approved" for each recorded value (all non-personal by rule). */
function valueChanges(event: AuditEventRow): { key: string; text: string }[] {
  const before = event.before ?? {};
  const after = event.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys.map((key) => ({
    key,
    text:
      key in before && key in after
        ? `${formatValue(before[key])} → ${formatValue(after[key])}`
        : key in after
          ? formatValue(after[key])
          : `${formatValue(before[key])} → —`,
  }));
}

/** The events of one page of the audit log, newest first. */
export function AuditTable({
  events,
  filtersActive,
}: {
  events: AuditEventRow[];
  filtersActive: boolean;
}) {
  return (
    <div className="overflow-hidden rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <div className="overflow-x-auto">
        <table className="min-w-full divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
          <caption className="sr-only">Audit events, newest first</caption>
          <thead className="bg-zinc-50 dark:bg-zinc-900">
            <tr>
              <th scope="col" className={headerClass}>
                Time (UTC) <span className="sr-only">and request id</span>
              </th>
              <th scope="col" className={headerClass}>
                Action
              </th>
              <th scope="col" className={headerClass}>
                Actor
              </th>
              <th scope="col" className={`${headerClass} hidden lg:table-cell`}>
                Customer
              </th>
              <th scope="col" className={headerClass}>
                Changes
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {events.map((event) => (
              <AuditTableRow key={event.id} event={event} />
            ))}
          </tbody>
        </table>
      </div>
      {events.length === 0 ? (
        <p className={`px-4 py-10 text-center ${mutedClass}`}>
          {filtersActive ? 'No events match these filters.' : 'No events recorded yet.'}
        </p>
      ) : null}
    </div>
  );
}

function AuditTableRow({ event }: { event: AuditEventRow }) {
  const changes = valueChanges(event);
  return (
    <tr data-testid="audit-row" className="align-top">
      <td className="px-4 py-3 whitespace-nowrap tabular-nums">
        <time dateTime={event.occurredAt}>
          {dateFormat.format(new Date(event.occurredAt))}
          <span className="block">{timeFormat.format(new Date(event.occurredAt))}</span>
        </time>
        {event.requestId ? (
          <span className={`mt-0.5 hidden font-mono text-xs lg:block ${mutedClass}`}>
            <span className="sr-only">Request id </span>
            {event.requestId}
          </span>
        ) : null}
      </td>
      <td className="px-4 py-3">
        <span className="font-medium">{auditActionLabel(event.action)}</span>
        <span data-testid="audit-action" className={`block font-mono text-xs ${mutedClass}`}>
          {event.action}
        </span>
        {/* Tablets: the customer column folds in here, so the changes keep their room. */}
        {event.customerId ? (
          <span className="mt-1 block lg:hidden">
            <CustomerRef event={event} />
          </span>
        ) : null}
      </td>
      <td className="max-w-56 px-4 py-3">
        <span className="block truncate" title={event.actorLabel}>
          {event.actorLabel}
        </span>
        <span className="mt-0.5 flex flex-wrap items-center gap-x-1.5 text-xs">
          <Badge tone={event.actorType === 'api_key' ? 'violet' : 'neutral'}>
            {ACTOR_KINDS[event.actorType]}
          </Badge>
          <span className={mutedClass}>via {SOURCE_LABELS[event.source]}</span>
        </span>
      </td>
      <td className="hidden px-4 py-3 whitespace-nowrap lg:table-cell">
        <CustomerRef event={event} />
      </td>
      <td className="min-w-48 px-4 py-3">
        {event.changedFields.length === 0 && changes.length === 0 ? (
          <span className={mutedClass}>—</span>
        ) : (
          <dl className="space-y-0.5 text-xs">
            {event.changedFields.length > 0 ? (
              <div>
                <dt className={`inline ${mutedClass}`}>fields: </dt>
                <dd className="inline font-mono break-words">{event.changedFields.join(', ')}</dd>
              </div>
            ) : null}
            {changes.map((change) => (
              <div key={change.key}>
                <dt className={`inline ${mutedClass}`}>{change.key}: </dt>
                <dd className="inline font-mono break-all">{change.text}</dd>
              </div>
            ))}
          </dl>
        )}
      </td>
    </tr>
  );
}

/** The customer an event is about: a link while the customer exists, the bare id once erased. */
function CustomerRef({ event }: { event: AuditEventRow }) {
  if (event.customerId === null) return <span className={mutedClass}>—</span>;
  if (!event.customerLive) {
    return (
      <span className="font-mono text-xs">
        {event.customerId} <span className={`font-sans ${mutedClass}`}>(erased)</span>
      </span>
    );
  }
  return (
    <Link
      href={`/customers/${event.customerId}`}
      prefetch={false}
      className="font-mono text-xs text-indigo-700 hover:underline focus-visible:underline dark:text-indigo-300"
    >
      {event.customerId}
    </Link>
  );
}

const pagerClass =
  'inline-flex h-9 items-center rounded-md border border-zinc-300 bg-white px-3 text-sm font-medium text-zinc-900 hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800';
const pagerDisabledClass =
  'inline-flex h-9 items-center rounded-md border border-zinc-200 px-3 text-sm font-medium text-zinc-500 dark:border-zinc-800 dark:text-zinc-400';

/** Keyset navigation: links (the cursor is in the URL), so every position can be shared. */
export function AuditPager({
  newerHref,
  olderHref,
}: {
  newerHref: string | null;
  olderHref: string | null;
}) {
  return (
    <nav aria-label="Audit log pages" className="flex items-center justify-end gap-2">
      {newerHref ? (
        <Link href={newerHref} className={pagerClass}>
          <span aria-hidden="true">←</span> Newer
        </Link>
      ) : (
        <span aria-disabled="true" className={pagerDisabledClass}>
          <span aria-hidden="true">←&nbsp;</span>Newer
        </span>
      )}
      {olderHref ? (
        <Link href={olderHref} className={pagerClass}>
          Older <span aria-hidden="true">→</span>
        </Link>
      ) : (
        <span aria-disabled="true" className={pagerDisabledClass}>
          Older<span aria-hidden="true">&nbsp;→</span>
        </span>
      )}
    </nav>
  );
}
