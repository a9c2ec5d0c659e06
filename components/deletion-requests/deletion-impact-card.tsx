import { Card } from '@/components/ui/card';
import type { DeletionImpact } from '@/lib/customers/deletion-impact';
import { BlockedDeletionAlert } from './blocked-deletion-alert';

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
        <BlockedDeletionAlert title="Approval is blocked" impact={impact} />
      </div>
    </Card>
  );
}
