import type { DeletionImpact } from '@/lib/customers/deletion-impact';

/**
 * Why a customer cannot be erased right now, with the balances that block it: shown by the
 * delete dialog and by a deletion request's review, from the same `DeletionImpact` read.
 */
export function BlockedDeletionAlert({ title, impact }: { title: string; impact: DeletionImpact }) {
  if (!impact.blockedReason) return null;
  return (
    <div
      role="alert"
      className="space-y-2 rounded-md border border-red-200 bg-red-50 p-3 text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100"
    >
      <p className="font-medium">{title}</p>
      <p>{impact.blockedReason}</p>
      <ul className="space-y-1">
        {impact.fundedBalances.map((line) => (
          <li key={`${line.walletId}-${line.currency}`} className="flex flex-wrap gap-x-2">
            <span className="capitalize">{line.network}</span>
            <span className="font-mono">
              {line.amount} {line.currency}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
