import 'server-only';
import { asc } from 'drizzle-orm';
import { db } from '@/db/client';
import { staffUsers, type StaffUser } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { authorize } from '@/lib/auth/permissions';

/** What the console shows of a staff member (never credentials). */
export type StaffMember = Pick<
  StaffUser,
  'id' | 'name' | 'email' | 'role' | 'disabled' | 'createdAt' | 'updatedAt'
>;

export function presentStaffMember(user: StaffUser): StaffMember {
  const { id, name, email, role, disabled, createdAt, updatedAt } = user;
  return { id, name, email, role, disabled, createdAt, updatedAt };
}

/** Every staff member: active ones first, then by name. */
export async function listStaff(actor: Actor): Promise<StaffMember[]> {
  authorize(actor, 'staff:manage');
  const rows = await db
    .select()
    .from(staffUsers)
    .orderBy(asc(staffUsers.disabled), asc(staffUsers.name), asc(staffUsers.id));
  return rows.map(presentStaffMember);
}
