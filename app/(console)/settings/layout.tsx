import { SettingsNav } from '@/components/settings/settings-nav';
import { can } from '@/lib/auth/permissions';
import { requireStaffActor } from '@/lib/auth/session';

/** Settings chrome for admins; everyone else gets only the page, which says it is not for them. */
export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireStaffActor();
  if (!can(actor, 'api-keys:manage') && !can(actor, 'staff:manage')) return children;
  return (
    <div className="space-y-6">
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">Settings</h1>
        <SettingsNav />
      </div>
      {children}
    </div>
  );
}
