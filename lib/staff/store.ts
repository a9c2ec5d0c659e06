import { randomUUID } from 'node:crypto';
import type { Queryable } from '@/db/client';
import { staffAccounts, staffUsers } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { staffMemberCreateSchema, type StaffMemberCreateInput } from './schemas';

/**
 * Writes a staff member and their email+password credential the way better-auth reads them
 * (public sign-up is off, so staff are only ever created here: seed, CLI, settings page).
 * Callers check who may do it; this only validates and stores.
 */
export async function insertStaffMember(db: Queryable, input: StaffMemberCreateInput) {
  const member = staffMemberCreateSchema.parse(input);
  const id = randomUUID();
  const passwordHash = await hashPassword(member.password);
  const [user] = await db
    .insert(staffUsers)
    .values({ id, name: member.name, email: member.email, role: member.role, emailVerified: true })
    .returning();
  await db.insert(staffAccounts).values({
    id: randomUUID(),
    accountId: id,
    providerId: 'credential',
    userId: id,
    password: passwordHash,
  });
  return user!;
}
