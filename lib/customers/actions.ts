'use server';

import type { ActionResult } from '@/lib/actions/result';
import { runStaffAction } from '@/lib/actions/run-staff-action';
import { DomainError, ValidationError } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation';
import { createCustomer, deleteCustomer, updateCustomer } from './commands';
import { getDeletionImpact, type DeletionImpact } from './deletion-impact';
import { deletionConfirmationSchema, type DeletionConfirmation } from './form-values';
import { customerEtag, presentCustomer, type CustomerResource } from './present';
import { getCustomer } from './queries';
import type { CustomerCreateInput, CustomerUpdateInput } from './schemas';

type ActionFailure = Extract<ActionResult<unknown>, { ok: false }>;

/** A refused update: the customer changed since the form loaded it. Carries the latest version. */
export type CustomerVersionConflict = ActionFailure & {
  code: 'version_mismatch';
  current: CustomerResource;
  etag: string;
};

export type SavedCustomer = { id: string; etag: string };

export async function createCustomerAction(
  input: CustomerCreateInput,
): Promise<ActionResult<SavedCustomer>> {
  return runStaffAction(async (context) => {
    const { customer } = await createCustomer(context, input);
    return { id: customer.id, etag: customerEtag(customer) };
  });
}

/**
 * Saves a patch only onto the version the form was loaded from (`etag`): the console never
 * overwrites a change it has not shown. On a mismatch the latest version comes back.
 */
export async function updateCustomerAction(
  id: string,
  input: CustomerUpdateInput,
  etag: string,
): Promise<ActionResult<SavedCustomer> | CustomerVersionConflict> {
  const latest: { value?: { current: CustomerResource; etag: string } } = {};
  const result = await runStaffAction(async (context) => {
    if (typeof etag !== 'string' || etag === '') {
      throw new ValidationError([{ field: 'etag', message: 'Required' }], 'Reload the form.');
    }
    try {
      const updated = await updateCustomer(context, id, input, { ifMatch: etag });
      return { id: updated.id, etag: updated.etag };
    } catch (error) {
      if (error instanceof DomainError && error.code === 'version_mismatch') {
        const { customer, usdTotal } = await getCustomer(context.actor, id);
        latest.value = {
          current: presentCustomer(customer, usdTotal),
          etag: customerEtag(customer),
        };
      }
      throw error;
    }
  });
  if (!result.ok && result.code === 'version_mismatch' && latest.value) {
    return { ...result, code: 'version_mismatch', ...latest.value };
  }
  return result;
}

/** Deletes after the dialog's confirmation; the reason is required but never stored. */
export async function deleteCustomerAction(
  id: string,
  confirmation: DeletionConfirmation,
): Promise<ActionResult<{ id: string }>> {
  return runStaffAction(async (context) => {
    const { reason } = parseOrThrow(deletionConfirmationSchema(id), confirmation);
    const deleted = await deleteCustomer(context, id, { reason });
    return { id: deleted.id };
  });
}

/** For the delete dialog: what a delete would touch and whether it is blocked (admins only). */
export async function getDeletionImpactAction(
  customerId: string,
): Promise<ActionResult<DeletionImpact>> {
  return runStaffAction((context) => getDeletionImpact(context.actor, customerId));
}
