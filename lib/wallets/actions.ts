'use server';

import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/lib/actions/result';
import { runStaffAction } from '@/lib/actions/run-staff-action';
import { createWallet } from './commands';
import { presentWallet, type WalletResource } from './queries';
import type { WalletCreateInput } from './schemas';

/** The detail page's "Add wallet" form: opens a wallet on a network the customer lacks. */
export async function createWalletAction(
  customerId: string,
  input: WalletCreateInput,
): Promise<ActionResult<WalletResource>> {
  return runStaffAction(async (context) => {
    const wallet = await createWallet(context, customerId, input);
    revalidatePath('/customers/[id]', 'page');
    return presentWallet(wallet);
  });
}
