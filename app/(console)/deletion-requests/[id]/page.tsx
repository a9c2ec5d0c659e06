import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { NotAllowed } from '@/components/customers/not-allowed';
import { DeletionImpactCard } from '@/components/deletion-requests/deletion-impact-card';
import { RequestStatusBadge } from '@/components/deletion-requests/format';
import { RequestDetails, RequestOutcome } from '@/components/deletion-requests/request-details';
import { ReviewPanel } from '@/components/deletion-requests/review-panel';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { can } from '@/lib/auth/permissions';
import { requireStaffActor } from '@/lib/auth/session';
import { getDeletionImpact } from '@/lib/customers/deletion-impact';
import { getDeletionRequest } from '@/lib/deletion-requests/queries';
import { FOUR_EYES_MESSAGE } from '@/lib/deletion-requests/schemas';
import { NotFoundError } from '@/lib/errors';

export const metadata: Metadata = { title: 'Deletion request' };

async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

/** One request: as filed, what approval would do (admins), the review, or how it ended. */
export default async function DeletionRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireStaffActor();
  if (!can(actor, 'deletion-requests:file') && !can(actor, 'deletion-requests:review')) {
    return (
      <NotAllowed
        title="You cannot see deletion requests"
        message={`Your role (${actor.role}) does not handle erasure requests.`}
        backHref="/customers"
      />
    );
  }
  const request = await orNotFound(getDeletionRequest(actor, id));
  const reviewable = request.status === 'open' && can(actor, 'deletion-requests:review');
  // The impact is the delete dialog's read (admins only); a customer deleted meanwhile has none.
  const impact =
    reviewable && !request.customerErased
      ? await getDeletionImpact(actor, request.customerId).catch((error: unknown) => {
          if (error instanceof NotFoundError) return null;
          throw error;
        })
      : null;

  return (
    <div className="space-y-6">
      <Link
        href={request.status === 'open' ? '/deletion-requests' : '/deletion-requests?status=closed'}
        className="text-sm text-zinc-600 hover:text-zinc-900 hover:underline dark:text-zinc-400 dark:hover:text-zinc-100"
      >
        ← Deletion requests
      </Link>
      <PageHeader
        title="Deletion request"
        description={
          <span className="flex flex-wrap items-center gap-2">
            <code className="text-zinc-700 dark:text-zinc-300">{request.id}</code>
            <RequestStatusBadge status={request.status} />
            {request.overdue ? (
              <span className="font-medium text-red-700 dark:text-red-400">Overdue</span>
            ) : null}
          </span>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <RequestDetails request={request} />
          {impact ? <DeletionImpactCard impact={impact} /> : null}
          <RequestOutcome request={request} />
        </div>
        <div className="min-w-0 space-y-6">
          {reviewable ? (
            <ReviewPanel
              requestId={request.id}
              customerId={request.customerId}
              refusal={request.filedBy.id === actor.id ? FOUR_EYES_MESSAGE : null}
              blocked={impact?.blockedReason != null}
            />
          ) : request.status === 'open' ? (
            <Card title="Review">
              <p className="text-sm text-zinc-600 dark:text-zinc-400">
                An admin who did not file this request reviews it: they approve the erasure or
                reject the request with a reason.
              </p>
            </Card>
          ) : null}
        </div>
      </div>
    </div>
  );
}
