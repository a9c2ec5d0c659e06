import Link from 'next/link';
import { Card } from '@/components/ui/card';
import type { DeletionRequestDetail } from '@/lib/deletion-requests/queries';
import { DELETION_CHANNEL_LABELS } from '@/lib/deletion-requests/schemas';
import { CalendarDate, DaysLeftBadge, Instant, staffName } from './format';

type Row = { label: string; value: React.ReactNode };

/** The request as filed: who it is about, how and when it arrived, when it is due, the note. */
export function RequestDetails({ request }: { request: DeletionRequestDetail }) {
  const rows: Row[] = [
    {
      label: 'Customer',
      value: request.customerErased ? (
        <span>
          Erased — tombstone <code>{request.customerId}</code>
        </span>
      ) : (
        <span className="flex flex-wrap items-baseline gap-x-2">
          <Link
            href={`/customers/${request.customerId}`}
            className="font-medium text-indigo-700 hover:underline dark:text-indigo-300"
          >
            {request.customerName}
          </Link>
          <code className="text-xs text-zinc-600 dark:text-zinc-400">{request.customerId}</code>
        </span>
      ),
    },
    { label: 'Received by', value: DELETION_CHANNEL_LABELS[request.channel] },
    { label: 'External reference', value: request.externalReference ?? '—' },
    { label: 'Received', value: <CalendarDate value={request.receivedOn} /> },
    {
      label: 'Due',
      value: (
        <span className="flex flex-wrap items-center gap-2">
          <CalendarDate value={request.dueOn} />
          {request.daysLeft === null ? null : <DaysLeftBadge daysLeft={request.daysLeft} />}
        </span>
      ),
    },
    {
      label: 'Filed',
      value: (
        <span>
          by {staffName(request.filedBy)}, <Instant value={request.createdAt} />
        </span>
      ),
    },
    {
      label: 'Note',
      value: (
        <span className="whitespace-pre-line">
          {request.note ??
            (request.status === 'completed' || request.customerErased ? (
              <span className="text-zinc-600 dark:text-zinc-400">
                Erased with the customer’s data.
              </span>
            ) : (
              '—'
            ))}
        </span>
      ),
    },
  ];
  return (
    <Card title="Request">
      <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[10rem_1fr]">
        {rows.map((row) => (
          <div key={row.label} className="contents">
            <dt className="text-zinc-600 dark:text-zinc-400">{row.label}</dt>
            <dd className="min-w-0 break-words">{row.value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

/** How a closed request ended: approved (with its receipt) or rejected (with the reason). */
export function RequestOutcome({ request }: { request: DeletionRequestDetail }) {
  if (request.status === 'open') return null;
  const reviewer = request.reviewedBy ? staffName(request.reviewedBy) : 'an admin';
  if (request.status === 'completed') {
    return (
      <Card title="Outcome">
        <div className="space-y-3 text-sm">
          <p>
            Approved by {reviewer}
            {request.reviewedAt ? (
              <>
                {' '}
                on <Instant value={request.reviewedAt} />
              </>
            ) : null}
            . The customer’s personal data was erased; ledger entries and wallet addresses are kept
            under anti-money-laundering retention, linked to the tombstone id.
          </p>
          {request.hasReceipt ? (
            <Link
              href={`/deletion-requests/${request.id}/receipt`}
              className="inline-flex items-center rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-500"
            >
              View receipt
            </Link>
          ) : null}
        </div>
      </Card>
    );
  }
  return (
    <Card title="Outcome">
      <div className="space-y-2 text-sm">
        <p>
          Rejected by {reviewer}
          {request.reviewedAt ? (
            <>
              {' '}
              on <Instant value={request.reviewedAt} />
            </>
          ) : null}
          . Nothing was erased.
        </p>
        <p className="text-zinc-600 dark:text-zinc-400">Reason</p>
        <p className="break-words whitespace-pre-line">
          {request.decisionReason ?? 'Erased with the customer’s data.'}
        </p>
      </div>
    </Card>
  );
}
