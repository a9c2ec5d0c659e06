import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { db, type Transaction } from '@/db/client';
import { uniqueViolation } from '@/db/errors';
import { staffSessions, staffUsers, type StaffUser } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { authorize } from '@/lib/auth/permissions';
import type { RequestContext } from '@/lib/context';
import { ConflictError, DomainError, NotFoundError } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation';
import {
  STAFF_ROLES,
  staffMemberCreateSchema,
  type StaffMemberCreateInput,
  type StaffRole,
} from './schemas';
import { insertStaffMember } from './store';
import { presentStaffMember, type StaffMember } from './queries';

// Server actions are public endpoints: their arguments are checked like any other input.
const roleChangeSchema = z.strictObject({
  userId: z.string().min(1),
  role: z.enum(STAFF_ROLES, 'Choose admin, support or viewer'),
});
const statusChangeSchema = z.strictObject({ userId: z.string().min(1), disabled: z.boolean() });

/** Adds a staff member who can sign in straight away with the initial password. */
export async function createStaffMember(
  context: RequestContext,
  input: StaffMemberCreateInput,
): Promise<StaffMember> {
  authorize(context.actor, 'staff:manage');
  const data = parseOrThrow(staffMemberCreateSchema, input);
  try {
    const member = await db.transaction(async (tx) => {
      const user = await insertStaffMember(tx, data);
      await recordAudit(tx, context, {
        action: 'staff.created',
        changedFields: ['name', 'email', 'role', 'password'],
        after: { staffId: user.id, role: user.role },
      });
      return user;
    });
    return presentStaffMember(member);
  } catch (error) {
    if (uniqueViolation(error)?.includes('email')) {
      throw new ConflictError('email_taken', 'A staff member already uses this email address.', [
        { field: 'email', message: 'Already used by another staff member' },
      ]);
    }
    throw error;
  }
}

/** Takes effect on the member's next request: sessions read the role from the database. */
export async function changeStaffRole(
  context: RequestContext,
  userId: string,
  role: StaffRole,
): Promise<StaffMember> {
  authorize(context.actor, 'staff:manage');
  const change = parseOrThrow(roleChangeSchema, { userId, role });
  return db.transaction(async (tx) => {
    const activeAdmins = await lockActiveAdmins(tx);
    const current = await lockStaffMember(tx, change.userId);
    if (current.role === change.role) return presentStaffMember(current);
    ensureAnotherActiveAdmin(activeAdmins, current.id);
    const [updated] = await tx
      .update(staffUsers)
      .set({ role: change.role, updatedAt: new Date() })
      .where(eq(staffUsers.id, current.id))
      .returning();
    await recordAudit(tx, context, {
      action: 'staff.role_changed',
      changedFields: ['role'],
      before: { staffId: current.id, role: current.role },
      after: { staffId: current.id, role: change.role },
    });
    return presentStaffMember(updated!);
  });
}

/**
 * Disabling ends every session of the member in the same transaction, so they are signed out
 * on their next request; enabling lets them sign in again (no session comes back by itself).
 */
export async function setStaffDisabled(
  context: RequestContext,
  userId: string,
  disabled: boolean,
): Promise<StaffMember> {
  authorize(context.actor, 'staff:manage');
  const change = parseOrThrow(statusChangeSchema, { userId, disabled });
  const wantDisabled = change.disabled;
  if (wantDisabled && context.actor.kind === 'staff' && context.actor.id === change.userId) {
    throw new DomainError(
      'cannot_disable_self',
      409,
      'Conflict',
      'You cannot disable your own account; ask another admin.',
    );
  }
  return db.transaction(async (tx) => {
    const activeAdmins = await lockActiveAdmins(tx);
    const current = await lockStaffMember(tx, change.userId);
    if (wantDisabled) ensureAnotherActiveAdmin(activeAdmins, current.id);
    let member = current;
    if (current.disabled !== wantDisabled) {
      const [updated] = await tx
        .update(staffUsers)
        .set({ disabled: wantDisabled, updatedAt: new Date() })
        .where(eq(staffUsers.id, current.id))
        .returning();
      member = updated!;
      await recordAudit(tx, context, {
        action: wantDisabled ? 'staff.disabled' : 'staff.enabled',
        changedFields: ['disabled'],
        before: { staffId: current.id, disabled: current.disabled },
        after: { staffId: current.id, disabled: wantDisabled },
      });
    }
    // Also when already disabled: a session created in a race must not outlive the flag.
    if (wantDisabled) await tx.delete(staffSessions).where(eq(staffSessions.userId, current.id));
    return presentStaffMember(member);
  });
}

/**
 * Locks the active admins (always in id order, so concurrent changes queue instead of
 * deadlocking) before the member changed: two admins demoting or disabling each other at once
 * cannot both succeed and leave nobody in charge.
 */
async function lockActiveAdmins(tx: Transaction): Promise<string[]> {
  const rows = await tx
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(and(eq(staffUsers.role, 'admin'), eq(staffUsers.disabled, false)))
    .orderBy(asc(staffUsers.id))
    .for('update');
  return rows.map((row) => row.id);
}

async function lockStaffMember(tx: Transaction, userId: string): Promise<StaffUser> {
  const [member] = await tx
    .select()
    .from(staffUsers)
    .where(eq(staffUsers.id, userId))
    .for('update');
  if (!member) throw new NotFoundError('not_found', 'No staff member with this id.');
  return member;
}

/** Refuses a change that would leave no active admin (a no-op unless the member is one). */
function ensureAnotherActiveAdmin(activeAdmins: string[], leavingUserId: string): void {
  if (!activeAdmins.includes(leavingUserId)) return;
  if (activeAdmins.some((id) => id !== leavingUserId)) return;
  throw new DomainError(
    'last_admin',
    409,
    'Conflict',
    'This is the last active admin. Make someone else an admin first.',
  );
}
