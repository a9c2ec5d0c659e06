import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import type { Metadata } from 'next';
import Link from 'next/link';
import { CustomerList } from '@/components/customers/customer-list';
import { ExportCsvButton } from '@/components/exports/export-csv-button';
import { PageHeader } from '@/components/ui/page-header';
import { can } from '@/lib/auth/permissions';
import { requireStaffActor } from '@/lib/auth/session';
import { listCustomersForConsole } from '@/lib/customers/console-list';
import { customerQueryKeys, loadCustomerListParams } from '@/lib/customers/search-params';

export const metadata: Metadata = { title: 'Customers' };

/** Prefetches the page the URL asks for, so the table arrives filled; the client takes over. */
export default async function CustomersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireStaffActor();
  const params = await loadCustomerListParams(searchParams);
  // One client per request: a shared one would hand one staff member's rows to another.
  const queryClient = new QueryClient();
  await queryClient.prefetchQuery({
    queryKey: customerQueryKeys.list(params),
    queryFn: () => listCustomersForConsole(actor, params),
  });
  return (
    <section>
      <PageHeader
        title="Customers"
        description="Individuals and businesses, their verification status and balances."
        actions={
          <>
            <ExportCsvButton />
            {can(actor, 'customers:write') ? (
              <Link
                href="/customers/new"
                className="inline-flex items-center rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-500"
              >
                New customer
              </Link>
            ) : null}
          </>
        }
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <CustomerList />
      </HydrationBoundary>
    </section>
  );
}
