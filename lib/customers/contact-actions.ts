'use server';

import type { ActionResult } from '@/lib/actions/result';
import { runStaffAction } from '@/lib/actions/run-staff-action';
import { revealCustomerContact, type CustomerContact } from './contact';

/** The "Reveal" button of a masked email and phone; every call is an audit event. */
export async function revealCustomerContactAction(
  customerId: string,
): Promise<ActionResult<CustomerContact>> {
  return runStaffAction((context) => revealCustomerContact(context, customerId));
}
