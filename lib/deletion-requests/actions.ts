'use server';

import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/lib/actions/result';
import { runStaffAction } from '@/lib/actions/run-staff-action';
import { fileDeletionRequest, reviewDeletionRequest } from './commands';
import type { DeletionRequestFileInput, DeletionRequestReviewInput } from './schemas';
import type { DeletionRequestStatus } from './queries';

export type ReviewedDeletionRequest = { id: string; status: DeletionRequestStatus };

/** The filing form's action; the domain checks the role and the input again. */
export async function fileDeletionRequestAction(
  input: DeletionRequestFileInput,
): Promise<ActionResult<{ id: string }>> {
  return runStaffAction(async (context) => {
    const request = await fileDeletionRequest(context, input);
    revalidatePath('/deletion-requests');
    revalidatePath(`/customers/${request.customerId}`);
    return { id: request.id };
  });
}

/** Approve (erases the customer) or reject with a reason; four eyes is the domain's rule. */
export async function reviewDeletionRequestAction(
  id: string,
  input: DeletionRequestReviewInput,
): Promise<ActionResult<ReviewedDeletionRequest>> {
  return runStaffAction(async (context) => {
    const request = await reviewDeletionRequest(context, id, input);
    revalidatePath('/deletion-requests');
    revalidatePath(`/deletion-requests/${request.id}`);
    revalidatePath(`/customers/${request.customerId}`);
    return { id: request.id, status: request.status };
  });
}
