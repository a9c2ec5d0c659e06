import 'server-only';
import { cache } from 'react';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { StaffRole } from '@/lib/staff/schemas';
import type { StaffActor } from './actor';
import { getAuth } from './auth';

/** The signed-in staff member of this request, or null. Checked against the database. */
export const getStaffActor = cache(async (): Promise<StaffActor | null> => {
  // headers() first: it marks the page dynamic before anything touches auth or the database.
  const requestHeaders = await headers();
  const session = await getAuth().api.getSession({ headers: requestHeaders });
  if (!session || session.user.disabled) return null;
  return {
    kind: 'staff',
    id: session.user.id,
    role: session.user.role as StaffRole,
    name: session.user.name,
    email: session.user.email,
  };
});

/** For pages: the staff member, or a redirect to sign-in. */
export async function requireStaffActor(): Promise<StaffActor> {
  const actor = await getStaffActor();
  if (!actor) redirect('/sign-in');
  return actor;
}
