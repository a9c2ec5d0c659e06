'use server';

import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/lib/actions/result';
import { runStaffAction } from '@/lib/actions/run-staff-action';
import type { CustomerStatus } from '@/lib/customers/schemas';
import { recordKycDecision } from './commands';
import type { KycDecisionInput } from './schemas';

/** The KYC decision form's action; the domain checks the role and the input again. */
export async function recordKycDecisionAction(
  customerId: string,
  input: KycDecisionInput,
): Promise<ActionResult<{ status: CustomerStatus }>> {
  return runStaffAction(async (context) => {
    const recorded = await recordKycDecision(context, customerId, input);
    revalidatePath('/customers/[id]', 'page');
    return { status: recorded.toStatus };
  });
}
