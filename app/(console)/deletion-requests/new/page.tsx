import type { Metadata } from 'next';
import Link from 'next/link';
import { NotAllowed } from '@/components/customers/not-allowed';
import { FileRequestForm } from '@/components/deletion-requests/file-request-form';
import { CalendarDate } from '@/components/deletion-requests/format';
import { PageHeader } from '@/components/ui/page-header';
import { can } from '@/lib/auth/permissions';
import { requireStaffActor } from '@/lib/auth/session';
import { displayName, getCustomer } from '@/lib/customers/queries';
import { getOpenDeletionRequestForCustomer } from '@/lib/deletion-requests/queries';
import { NotFoundError } from '@/lib/errors';
import { isCustomerIdShape } from '@/lib/ids';

export const metadata: Metadata = { title: 'File a deletion request' };

/** `?customerId=cus_…` (from the customer's page) fills in and fixes the customer. */
export default async function NewDeletionRequestPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireStaffActor();
  if (!can(actor, 'deletion-requests:file')) {
    return (
      <NotAllowed
        title="You cannot file deletion requests"
        message={`Your role (${actor.role}) may not file erasure requests. Ask support or an admin.`}
        backHref="/customers"
      />
    );
  }
  const requested = (await searchParams).customerId;
  const customerId = isCustomerIdShape(requested) ? requested : undefined;
  const customer = customerId ? await getCustomer(actor, customerId).catch(orNull) : null;
  const open = customer
    ? await getOpenDeletionRequestForCustomer(actor, customer.customer.id)
    : null;

  return (
    <div>
      <Link
        href={customer ? `/customers/${customer.customer.id}` : '/deletion-requests'}
        className="text-sm text-zinc-600 hover:text-zinc-900 hover:underline dark:text-zinc-400 dark:hover:text-zinc-100"
      >
        ← {customer ? 'Customer' : 'Deletion requests'}
      </Link>
      <PageHeader
        title="File a deletion request"
        description={
          customer ? (
            <>
              For{' '}
              <span className="font-medium text-zinc-900 dark:text-zinc-100">
                {displayName(customer.customer)}
              </span>{' '}
              (<code>{customer.customer.id}</code>). An admin who did not file it reviews it.
            </>
          ) : (
            'A customer asked for their personal data to be erased. An admin who did not file the request reviews it.'
          )
        }
      />
      {open ? (
        <div
          role="status"
          className="max-w-2xl space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
        >
          <p className="font-semibold">This customer already has an open deletion request.</p>
          <p>
            It is due <CalendarDate value={open.dueOn} />. Only one request per customer can be open
            at a time.
          </p>
          <Link
            href={`/deletion-requests/${open.id}`}
            className="inline-block font-medium underline underline-offset-2"
          >
            View the open request
          </Link>
        </div>
      ) : (
        <FileRequestForm customerId={customer ? customer.customer.id : undefined} />
      )}
    </div>
  );
}

function orNull(error: unknown): null {
  if (error instanceof NotFoundError) return null;
  throw error;
}
