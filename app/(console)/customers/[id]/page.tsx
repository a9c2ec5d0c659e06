import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ActivityCard } from '@/components/customers/activity-card';
import { DeleteCustomerButton } from '@/components/customers/delete-customer-button';
import { KycCard } from '@/components/customers/kyc-card';
import { MetadataCard } from '@/components/customers/metadata-card';
import { ProfileCard } from '@/components/customers/profile-card';
import { StatusBadge } from '@/components/customers/status-badge';
import { WalletsCard } from '@/components/customers/wallets-card';
import { OpenRequestBanner } from '@/components/deletion-requests/open-request-banner';
import { DownloadCustomerDataLink } from '@/components/exports/download-customer-data-link';
import { CopyButton } from '@/components/ui/copy-button';
import { PageHeader } from '@/components/ui/page-header';
import { listCustomerActivity } from '@/lib/audit/queries';
import { can } from '@/lib/auth/permissions';
import { requireStaffActor } from '@/lib/auth/session';
import { getCustomerForConsole } from '@/lib/customers/console-detail';
import { NotFoundError } from '@/lib/errors';
import { listKycDecisions } from '@/lib/kyc/queries';
import { getCustomerBalances } from '@/lib/wallets/queries';

// The customer's name stays out of the title: titles end up in browser history and tabs.
export const metadata: Metadata = { title: 'Customer' };

/** Malformed, unknown and deleted customers all end on the not-found page. */
async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireStaffActor();
  const [{ customer, contactMasked, permissions }, balances, kycHistory, activity] =
    await orNotFound(
      Promise.all([
        getCustomerForConsole(actor, id),
        getCustomerBalances(actor, id),
        listKycDecisions(actor, id),
        listCustomerActivity(actor, id),
      ]),
    );

  const canFileDeletion = can(actor, 'deletion-requests:file');

  return (
    <div className="space-y-6">
      <OpenRequestBanner actor={actor} customerId={customer.id} />
      <Link
        href="/customers"
        className="text-sm text-zinc-600 hover:text-zinc-900 hover:underline dark:text-zinc-400 dark:hover:text-zinc-100"
      >
        ← Customers
      </Link>
      <PageHeader
        title={customer.displayName}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <code className="text-zinc-700 dark:text-zinc-300">{customer.id}</code>
            <CopyButton value={customer.id} />
            <StatusBadge status={customer.status} />
            <span>{customer.type === 'business' ? 'Business' : 'Individual'}</span>
          </span>
        }
        actions={
          permissions.canEdit || permissions.canDelete || canFileDeletion ? (
            <>
              {permissions.canEdit ? (
                <Link
                  href={`/customers/${customer.id}/edit`}
                  className="inline-flex items-center rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm font-medium text-zinc-900 hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800"
                >
                  Edit
                </Link>
              ) : null}
              {can(actor, 'exports:subject-access') ? (
                <DownloadCustomerDataLink customerId={customer.id} />
              ) : null}
              {canFileDeletion ? (
                <Link
                  href={`/deletion-requests/new?customerId=${customer.id}`}
                  className="inline-flex items-center rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm font-medium text-zinc-900 hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800"
                >
                  File deletion request
                </Link>
              ) : null}
              {permissions.canDelete ? <DeleteCustomerButton customerId={customer.id} /> : null}
            </>
          ) : null
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <ProfileCard
            customer={customer}
            contactMasked={contactMasked}
            canReveal={permissions.canReveal}
          />
          <WalletsCard
            customerId={customer.id}
            balances={balances}
            canAddWallet={permissions.canAddWallet}
            canMoveSandboxFunds={permissions.canMoveSandboxFunds}
          />
          <ActivityCard activity={activity} />
        </div>
        <div className="min-w-0 space-y-6">
          <KycCard customer={customer} history={kycHistory} canDecide={permissions.canDecideKyc} />
          <MetadataCard metadata={customer.metadata} />
        </div>
      </div>
    </div>
  );
}
