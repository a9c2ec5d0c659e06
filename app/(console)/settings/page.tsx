import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SettingsNotAllowed } from '@/components/settings/not-allowed';
import { can } from '@/lib/auth/permissions';
import { requireStaffActor } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  const actor = await requireStaffActor();
  if (!can(actor, 'api-keys:manage')) return <SettingsNotAllowed />;
  redirect('/settings/api-keys');
}
