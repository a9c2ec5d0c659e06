import type { Metadata } from 'next';
import Link from 'next/link';
import { NotAllowed } from '@/components/customers/not-allowed';
import {
  ClosedRequestTable,
  OpenRequestTable,
  QueueTabs,
} from '@/components/deletion-requests/request-queue';
import { PageHeader } from '@/components/ui/page-header';
import { can } from '@/lib/auth/permissions';
import { requireStaffActor } from '@/lib/auth/session';
import { CLOSED_LIST_LIMIT, listDeletionRequests } from '@/lib/deletion-requests/queries';

export const metadata: Metadata = { title: 'Deletion requests' };

/** The GDPR queue: open requests (overdue first), or closed ones with `?status=closed`. */
export default async function DeletionRequestsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireStaffActor();
  if (!can(actor, 'deletion-requests:file') && !can(actor, 'deletion-requests:review')) {
    return (
      <NotAllowed
        title="You cannot see deletion requests"
        message={`Your role (${actor.role}) does not handle erasure requests. Ask support or an admin.`}
        backHref="/customers"
      />
    );
  }
  const view = (await searchParams).status === 'closed' ? 'closed' : 'open';
  const requests = await listDeletionRequests(actor, { status: view });
  return (
    <section className="space-y-4">
      <PageHeader
        title="Deletion requests"
        description="GDPR erasure requests: each is due one month after it was received, and an admin who did not file it reviews it."
        actions={
          can(actor, 'deletion-requests:file') ? (
            <Link
              href="/deletion-requests/new"
              className="inline-flex items-center rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-500"
            >
              File a request
            </Link>
          ) : null
        }
      />
      <QueueTabs view={view} counts={view === 'open' ? { open: requests.length } : undefined} />
      {view === 'open' ? (
        <OpenRequestTable requests={requests} />
      ) : (
        <ClosedRequestTable requests={requests} limit={CLOSED_LIST_LIMIT} />
      )}
    </section>
  );
}
