import { Card } from '@/components/ui/card';
import type { DeletionImpact } from '@/lib/customers/deletion-impact';

/**
 * What approving would do, from the same read as the customer page's delete dialog: what is
 * erased, what is kept, and what blocks it right now (the erasure checks again under a lock).
 */
export function DeletionImpactCard({ impact }: { impact: DeletionImpact }) {
  const wallets = impact.walletCount === 1 ? '1 wallet' : `${impact.walletCount} wallets`;
  return (
    <Card title="What approval does">
      <div className="space-y-3 text-sm">
        <ul className="list-disc space-y-1 pl-5">
          <li>
            Erases names, email, phone, birth date, address, external id, metadata and the KYC
            token, and the free text staff wrote about the customer (KYC reasons, request notes).
          </li>
          <li>
            {impact.walletCount === 0
              ? 'The customer has no wallets.'
              : `Keeps ${wallets} and their ledger entries under anti-money-laundering retention, linked to the tombstone id.`}
          </li>
          <li>All of it in one transaction: the customer is either fully erased or untouched.</li>
        </ul>
        {impact.blockedReason ? (
          <div
            role="alert"
            className="space-y-2 rounded-md border border-red-200 bg-red-50 p-3 text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100"
          >
            <p className="font-medium">Approval is blocked</p>
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
        ) : null}
      </div>
    </Card>
  );
}
