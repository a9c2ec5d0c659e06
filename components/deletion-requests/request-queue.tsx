import Link from 'next/link';
import { DELETION_CHANNEL_LABELS } from '@/lib/deletion-requests/schemas';
import type { DeletionRequestSummary } from '@/lib/deletion-requests/queries';
import { CalendarDate, DaysLeftBadge, Instant, RequestStatusBadge, staffName } from './format';

const headerClass =
  'px-4 py-3 text-left text-xs font-medium tracking-wide whitespace-nowrap text-zinc-600 uppercase dark:text-zinc-400';
const cellClass = 'px-4 py-3 align-top';

export type QueueView = 'open' | 'closed';

/** Open and Closed, as links: the view is in the URL (`?status=closed`). */
export function QueueTabs({
  view,
  counts,
}: {
  view: QueueView;
  counts?: Partial<Record<QueueView, number>>;
}) {
  const tabs: { view: QueueView; label: string; href: string }[] = [
    { view: 'open', label: 'Open', href: '/deletion-requests' },
    { view: 'closed', label: 'Closed', href: '/deletion-requests?status=closed' },
  ];
  return (
    <nav
      aria-label="Deletion request status"
      className="border-b border-zinc-200 dark:border-zinc-800"
    >
      <ul className="-mb-px flex gap-4">
        {tabs.map((tab) => {
          const active = tab.view === view;
          const count = counts?.[tab.view];
          return (
            <li key={tab.view}>
              <Link
                href={tab.href}
                aria-current={active ? 'page' : undefined}
                className={`inline-block border-b-2 px-1 pb-2 text-sm font-medium ${
                  active
                    ? 'border-indigo-600 text-zinc-900 dark:border-indigo-400 dark:text-zinc-100'
                    : 'border-transparent text-zinc-600 hover:border-zinc-300 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100'
                }`}
              >
                {tab.label}
                {count === undefined ? null : (
                  <span className="ml-1.5 text-xs text-zinc-600 tabular-nums dark:text-zinc-400">
                    ({count})
                  </span>
                )}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function CustomerCell({ request }: { request: DeletionRequestSummary }) {
  if (request.customerErased) {
    return (
      <span className="space-y-0.5">
        <span className="block text-zinc-600 dark:text-zinc-400">Erased customer</span>
        <code className="block text-xs">{request.customerId}</code>
      </span>
    );
  }
  return (
    <span className="space-y-0.5">
      <Link
        href={`/customers/${request.customerId}`}
        className="block font-medium text-indigo-700 hover:underline dark:text-indigo-300"
      >
        {request.customerName}
      </Link>
      <code className="block text-xs text-zinc-600 dark:text-zinc-400">{request.customerId}</code>
    </span>
  );
}

function RequestLink({ request }: { request: DeletionRequestSummary }) {
  return (
    <Link
      href={`/deletion-requests/${request.id}`}
      className="font-mono text-xs text-indigo-700 hover:underline dark:text-indigo-300"
    >
      {request.id}
    </Link>
  );
}

/**
 * Open requests, overdue first (each highlighted and labelled), then by due date. The order
 * comes from the query; this only shows it.
 */
export function OpenRequestTable({ requests }: { requests: DeletionRequestSummary[] }) {
  if (requests.length === 0) {
    return <EmptyQueue message="No open deletion requests. Nothing is waiting." />;
  }
  const overdue = requests.filter((r) => r.overdue).length;
  return (
    <TableFrame
      label="Open deletion requests"
      caption={
        overdue > 0
          ? `${overdue} overdue ${overdue === 1 ? 'request is' : 'requests are'} listed first.`
          : 'Sorted by due date, the next one due first.'
      }
    >
      <thead className="bg-zinc-50 dark:bg-zinc-900">
        <tr>
          <th scope="col" className={headerClass}>
            Customer
          </th>
          <th scope="col" className={headerClass}>
            Due
          </th>
          <th scope="col" className={`${headerClass} hidden md:table-cell`}>
            Received
          </th>
          <th scope="col" className={`${headerClass} hidden lg:table-cell`}>
            Channel
          </th>
          <th scope="col" className={`${headerClass} hidden lg:table-cell`}>
            Filed by
          </th>
          <th scope="col" className={headerClass}>
            Request
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
        {requests.map((request) => (
          <tr
            key={request.id}
            data-testid="deletion-request-row"
            data-overdue={request.overdue ? 'true' : undefined}
            className={
              request.overdue
                ? 'bg-red-50 shadow-[inset_4px_0_0_var(--color-red-600)] dark:bg-red-950/50 dark:shadow-[inset_4px_0_0_var(--color-red-500)]'
                : undefined
            }
          >
            <td className={cellClass}>
              <CustomerCell request={request} />
            </td>
            <td className={cellClass}>
              <span className="flex flex-col items-start gap-1">
                <CalendarDate value={request.dueOn} />
                <DaysLeftBadge daysLeft={request.daysLeft ?? 0} />
              </span>
            </td>
            <td className={`${cellClass} hidden md:table-cell`}>
              <CalendarDate value={request.receivedOn} />
            </td>
            <td className={`${cellClass} hidden lg:table-cell`}>
              {DELETION_CHANNEL_LABELS[request.channel]}
              {request.externalReference ? (
                <span className="block text-xs text-zinc-600 dark:text-zinc-400">
                  {request.externalReference}
                </span>
              ) : null}
            </td>
            <td className={`${cellClass} hidden lg:table-cell`}>{staffName(request.filedBy)}</td>
            <td className={cellClass}>
              <RequestLink request={request} />
            </td>
          </tr>
        ))}
      </tbody>
    </TableFrame>
  );
}

/** Completed and rejected requests, the most recently reviewed first. */
export function ClosedRequestTable({
  requests,
  limit,
}: {
  requests: DeletionRequestSummary[];
  limit: number;
}) {
  if (requests.length === 0) {
    return <EmptyQueue message="No deletion request has been completed or rejected yet." />;
  }
  return (
    <TableFrame
      label="Closed deletion requests"
      caption={
        requests.length >= limit
          ? `The ${limit} most recently reviewed requests.`
          : 'The most recently reviewed first.'
      }
    >
      <thead className="bg-zinc-50 dark:bg-zinc-900">
        <tr>
          <th scope="col" className={headerClass}>
            Customer
          </th>
          <th scope="col" className={headerClass}>
            Outcome
          </th>
          <th scope="col" className={`${headerClass} hidden md:table-cell`}>
            Reviewed
          </th>
          <th scope="col" className={`${headerClass} hidden lg:table-cell`}>
            Received
          </th>
          <th scope="col" className={headerClass}>
            Request
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
        {requests.map((request) => (
          <tr key={request.id} data-testid="deletion-request-row">
            <td className={cellClass}>
              <CustomerCell request={request} />
            </td>
            <td className={cellClass}>
              <span className="flex flex-col items-start gap-1">
                <RequestStatusBadge status={request.status} />
                {request.status === 'completed' ? (
                  <Link
                    href={`/deletion-requests/${request.id}/receipt`}
                    className="text-xs text-indigo-700 hover:underline dark:text-indigo-300"
                  >
                    Receipt
                  </Link>
                ) : null}
              </span>
            </td>
            <td className={`${cellClass} hidden md:table-cell`}>
              {request.reviewedAt ? <Instant value={request.reviewedAt} /> : '—'}
              {request.reviewedBy ? (
                <span className="block text-xs text-zinc-600 dark:text-zinc-400">
                  by {staffName(request.reviewedBy)}
                </span>
              ) : null}
            </td>
            <td className={`${cellClass} hidden lg:table-cell`}>
              <CalendarDate value={request.receivedOn} />
            </td>
            <td className={cellClass}>
              <RequestLink request={request} />
            </td>
          </tr>
        ))}
      </tbody>
    </TableFrame>
  );
}

function TableFrame({
  label,
  caption,
  children,
}: {
  label: string;
  caption: string;
  children: React.ReactNode;
}) {
  return (
    <div className="overflow-hidden rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <div className="overflow-x-auto">
        <table
          aria-label={label}
          className="min-w-full divide-y divide-zinc-200 text-sm dark:divide-zinc-800"
        >
          <caption className="px-4 py-2 text-left text-xs text-zinc-600 dark:text-zinc-400">
            {caption}
          </caption>
          {children}
        </table>
      </div>
    </div>
  );
}

function EmptyQueue({ message }: { message: string }) {
  return (
    <p className="rounded-lg border border-dashed border-zinc-300 px-4 py-10 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
      {message}
    </p>
  );
}
