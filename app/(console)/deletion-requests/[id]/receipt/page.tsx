import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { NotAllowed } from '@/components/customers/not-allowed';
import { PrintButton } from '@/components/deletion-requests/print-button';
import { ReceiptView } from '@/components/deletion-requests/receipt-view';
import { can } from '@/lib/auth/permissions';
import { requireStaffActor } from '@/lib/auth/session';
import { getDeletionReceipt } from '@/lib/deletion-requests/queries';
import { NotFoundError } from '@/lib/errors';
import { newRequestId } from '@/lib/ids';

export const metadata: Metadata = { title: 'Deletion receipt' };

/** The printable receipt of a completed request. Every view is recorded in the audit trail. */
export default async function DeletionReceiptPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireStaffActor();
  if (!can(actor, 'deletion-requests:file') && !can(actor, 'deletion-requests:review')) {
    return (
      <NotAllowed
        title="You cannot see deletion receipts"
        message={`Your role (${actor.role}) does not handle erasure requests.`}
        backHref="/customers"
      />
    );
  }
  const receipt = await getDeletionReceipt(
    { actor, requestId: newRequestId(), source: 'dashboard' },
    id,
    'page',
  ).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });

  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
        <Link
          href={`/deletion-requests/${receipt.deletionRequestId}`}
          className="text-sm text-zinc-600 hover:text-zinc-900 hover:underline dark:text-zinc-400 dark:hover:text-zinc-100"
        >
          ← Deletion request
        </Link>
        <div className="flex flex-wrap gap-2">
          <PrintButton />
          <a
            href={`/api/deletion-requests/${receipt.deletionRequestId}/receipt`}
            download
            className="inline-flex items-center rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-500"
          >
            Download JSON
          </a>
        </div>
      </div>
      <ReceiptView receipt={receipt} />
      <p className="text-xs text-zinc-600 print:hidden dark:text-zinc-400">
        Viewing and downloading this receipt are recorded in the audit trail.
      </p>
    </div>
  );
}
