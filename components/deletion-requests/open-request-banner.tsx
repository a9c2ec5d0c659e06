import Link from 'next/link';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { getOpenDeletionRequestForCustomer } from '@/lib/deletion-requests/queries';
import { CalendarDate, daysLeftLabel } from './format';

/**
 * The top of a customer's page while an erasure request is open: when it is due, and a link
 * to the request for those who handle requests. Renders nothing when none is open.
 */
export async function OpenRequestBanner({
  actor,
  customerId,
}: {
  actor: Actor;
  customerId: string;
}) {
  const request = await getOpenDeletionRequestForCustomer(actor, customerId);
  if (!request) return null;
  const canOpen = can(actor, 'deletion-requests:file') || can(actor, 'deletion-requests:review');
  const tone = request.overdue
    ? 'border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100'
    : 'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100';
  return (
    <section
      aria-labelledby="open-deletion-request-heading"
      className={`flex flex-wrap items-center justify-between gap-3 rounded-lg border px-4 py-3 text-sm ${tone}`}
    >
      <div className="space-y-0.5">
        <h2 id="open-deletion-request-heading" className="font-semibold">
          Open deletion request{request.overdue ? ' — overdue' : ''}
        </h2>
        <p>
          The customer asked for their personal data to be erased. Received{' '}
          <CalendarDate value={request.receivedOn} />, due <CalendarDate value={request.dueOn} /> (
          {daysLeftLabel(request.daysLeft)}).
        </p>
      </div>
      {canOpen ? (
        <Link
          href={`/deletion-requests/${request.id}`}
          className="shrink-0 rounded-md border border-current px-3 py-1.5 font-medium hover:bg-white/60 dark:hover:bg-black/20"
        >
          View request
        </Link>
      ) : null}
    </section>
  );
}
