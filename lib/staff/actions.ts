'use server';

import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/lib/actions/result';
import { runStaffAction } from '@/lib/actions/run-staff-action';
import { changeStaffRole, createStaffMember, setStaffDisabled } from './commands';
import type { StaffMember } from './queries';
import type { StaffMemberCreateInput, StaffRole } from './schemas';

const STAFF_PAGE = '/settings/staff';

export async function createStaffMemberAction(
  input: StaffMemberCreateInput,
): Promise<ActionResult<StaffMember>> {
  return runStaffAction(async (context) => {
    const member = await createStaffMember(context, input);
    revalidatePath(STAFF_PAGE);
    return member;
  });
}

export async function changeStaffRoleAction(
  userId: string,
  role: StaffRole,
): Promise<ActionResult<StaffMember>> {
  return runStaffAction(async (context) => {
    const member = await changeStaffRole(context, userId, role);
    revalidatePath(STAFF_PAGE);
    return member;
  });
}

export async function setStaffDisabledAction(
  userId: string,
  disabled: boolean,
): Promise<ActionResult<StaffMember>> {
  return runStaffAction(async (context) => {
    const member = await setStaffDisabled(context, userId, disabled);
    revalidatePath(STAFF_PAGE);
    return member;
  });
}
