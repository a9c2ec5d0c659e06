import type { Metadata } from 'next';
import { CustomerForm } from '@/components/customers/customer-form';
import { NotAllowed } from '@/components/customers/not-allowed';
import { PageHeader } from '@/components/ui/page-header';
import { can } from '@/lib/auth/permissions';
import { requireStaffActor } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'New customer' };

export default async function NewCustomerPage() {
  const actor = await requireStaffActor();
  if (!can(actor, 'customers:write')) {
    return (
      <NotAllowed
        title="You cannot create customers"
        message={`Your role (${actor.role}) may view customers but not create them. Ask an admin if you need this.`}
        backHref="/customers"
      />
    );
  }
  return (
    <div>
      <PageHeader
        title="New customer"
        description="Every field is optional for an individual; a business needs its legal name and website."
      />
      <CustomerForm mode="create" />
    </div>
  );
}
