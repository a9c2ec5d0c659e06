import type { Metadata } from 'next';
import { AddStaffDialog } from '@/components/settings/add-staff-dialog';
import { SettingsNotAllowed } from '@/components/settings/not-allowed';
import { StaffTable } from '@/components/settings/staff-table';
import { can } from '@/lib/auth/permissions';
import { requireStaffActor } from '@/lib/auth/session';
import { listStaff } from '@/lib/staff/queries';

export const metadata: Metadata = { title: 'Staff · Settings' };

export default async function StaffPage() {
  const actor = await requireStaffActor();
  if (!can(actor, 'staff:manage')) return <SettingsNotAllowed />;
  const staff = await listStaff(actor);
  return (
    <section aria-labelledby="staff-heading" className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-1">
          <h2 id="staff-heading" className="text-lg font-semibold">
            Staff
          </h2>
          <p className="max-w-2xl text-sm text-zinc-600 dark:text-zinc-400">
            Who can sign in to the console and what their role lets them do. Disabling a member
            signs them out at once.
          </p>
        </div>
        <AddStaffDialog />
      </div>
      <StaffTable staff={staff} currentUserId={actor.id} />
    </section>
  );
}
