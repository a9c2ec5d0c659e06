import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CustomerForm } from '@/components/customers/customer-form';
import { NotAllowed } from '@/components/customers/not-allowed';
import { PageHeader } from '@/components/ui/page-header';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { requireStaffActor } from '@/lib/auth/session';
import { customerEtag, presentCustomer } from '@/lib/customers/present';
import { displayName, getCustomer } from '@/lib/customers/queries';
import { NotFoundError } from '@/lib/errors';

// The customer's name stays out of the title: titles end up in browser history and tabs.
export const metadata: Metadata = { title: 'Edit customer' };

/** Malformed, unknown and deleted customers all end on the not-found page. */
async function loadCustomer(actor: Actor, id: string) {
  try {
    return await getCustomer(actor, id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

export default async function EditCustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireStaffActor();
  const { customer, usdTotal } = await loadCustomer(actor, id);
  if (!can(actor, 'customers:write')) {
    return (
      <NotAllowed
        title="You cannot edit customers"
        message={`Your role (${actor.role}) may view customers but not change them. Ask an admin if you need this.`}
        backHref={`/customers/${customer.id}`}
      />
    );
  }
  return (
    <div>
      <PageHeader
        title={`Edit ${displayName(customer)}`}
        description={<code className="text-zinc-700 dark:text-zinc-300">{customer.id}</code>}
      />
      <CustomerForm
        mode="edit"
        customerId={customer.id}
        customer={presentCustomer(customer, usdTotal)}
        etag={customerEtag(customer)}
      />
    </div>
  );
}
