'use server';

import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/lib/actions/result';
import { runStaffAction } from '@/lib/actions/run-staff-action';
import { ValidationError } from '@/lib/errors';
import type { SandboxMovementInput } from '@/lib/wallets/schemas';
import { moveSandboxFunds, type LedgerEntryKind, type LedgerEntryResource } from './commands';

const KINDS: readonly LedgerEntryKind[] = ['credit', 'debit'];

/** The "Sandbox funds" form of a wallet: credits or debits test funds (sandbox mode only). */
export async function moveSandboxFundsAction(
  walletId: string,
  kind: LedgerEntryKind,
  input: SandboxMovementInput,
): Promise<ActionResult<LedgerEntryResource>> {
  return runStaffAction(async (context) => {
    // A server action is a public endpoint: the direction arrives as untrusted input too.
    if (!KINDS.includes(kind)) {
      throw new ValidationError([{ field: 'kind', message: 'Must be "credit" or "debit"' }]);
    }
    const entry = await moveSandboxFunds(context, walletId, kind, input);
    revalidatePath('/customers/[id]', 'page');
    return entry;
  });
}
