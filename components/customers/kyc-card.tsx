import { Card } from '@/components/ui/card';
import type { ConsoleCustomer } from '@/lib/customers/console-detail';
import type { KycDecisionEntry } from '@/lib/kyc/queries';
import { KYC_DECISION_LABELS } from '@/lib/kyc/schemas';
import { KycDecisionForm } from './kyc-decision-form';
import { STATUS_LABELS, StatusBadge } from './status-badge';

const dateTime = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

/** The KYC status, the decision form for admins and the history of decisions, newest first. */
export function KycCard({
  customer,
  history,
  canDecide,
}: {
  customer: Pick<ConsoleCustomer, 'id' | 'status' | 'kycProvider' | 'kycShareTokenReceivedAt'>;
  history: KycDecisionEntry[];
  canDecide: boolean;
}) {
  return (
    <Card title="KYC">
      <div className="space-y-4">
        <dl className="space-y-2 text-sm">
          <div className="flex items-center justify-between gap-2">
            <dt className="text-zinc-600 dark:text-zinc-400">Status</dt>
            <dd>
              <StatusBadge status={customer.status} />
            </dd>
          </div>
          <div className="flex items-center justify-between gap-2">
            <dt className="text-zinc-600 dark:text-zinc-400">Provider</dt>
            <dd>{customer.kycProvider === 'sumsub' ? 'SumSub' : (customer.kycProvider ?? '—')}</dd>
          </div>
          {customer.kycShareTokenReceivedAt ? (
            <div className="flex items-center justify-between gap-2">
              <dt className="text-zinc-600 dark:text-zinc-400">Share token received</dt>
              <dd>
                <time dateTime={customer.kycShareTokenReceivedAt.toISOString()}>
                  {dateTime.format(customer.kycShareTokenReceivedAt)} UTC
                </time>
              </dd>
            </div>
          ) : null}
        </dl>

        {canDecide ? (
          <div className="border-t border-zinc-200 pt-4 dark:border-zinc-800">
            <KycDecisionForm customerId={customer.id} />
          </div>
        ) : null}

        <section
          aria-labelledby="kyc-history-heading"
          className="border-t border-zinc-200 pt-4 dark:border-zinc-800"
        >
          <h3 id="kyc-history-heading" className="mb-2 text-sm font-semibold">
            Decision history
          </h3>
          {history.length === 0 ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">No decisions recorded yet.</p>
          ) : (
            <ol className="space-y-3" aria-label="KYC decisions, newest first">
              {history.map((entry) => (
                <li
                  key={entry.id}
                  className="rounded-md border border-zinc-200 p-3 text-sm dark:border-zinc-800"
                >
                  <div className="flex flex-wrap items-baseline justify-between gap-x-2">
                    <span className="font-medium">{KYC_DECISION_LABELS[entry.decision]}</span>
                    <time
                      dateTime={entry.createdAt.toISOString()}
                      className="text-xs text-zinc-600 dark:text-zinc-400"
                    >
                      {dateTime.format(entry.createdAt)} UTC
                    </time>
                  </div>
                  <p className="text-xs text-zinc-600 dark:text-zinc-400">
                    {STATUS_LABELS[entry.fromStatus]} → {STATUS_LABELS[entry.toStatus]}
                  </p>
                  <p className="mt-1 break-words whitespace-pre-line">{entry.reason}</p>
                  <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
                    by {entry.decidedBy.name ?? `former staff member ${entry.decidedBy.id}`}
                  </p>
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
    </Card>
  );
}
