import { z } from 'zod';

import { CURRENCIES, CURRENCY_CODES, NETWORKS } from '@/lib/money/currencies';
import { parseAmountInput } from '@/lib/money/decimal';

type IssueInput = { readonly code?: string; readonly input?: unknown };

/** Error map for a value's own type: tells "missing" apart from "wrong kind of value". */
function requiredOr(message: string) {
  return (issue: IssueInput) => (issue.input === undefined ? 'Required' : message);
}

function objectError(issue: IssueInput) {
  // Unknown keys get their own message per key in zodIssuesToFieldErrors.
  if (issue.code === 'unrecognized_keys') return undefined;
  return issue.input === undefined ? 'Required' : 'Must be an object';
}

export const walletCreateSchema = z.strictObject(
  {
    network: z
      .enum(NETWORKS, { error: requiredOr(`Must be one of ${NETWORKS.join(', ')} (lower case)`) })
      .meta({
        description: 'The chain to open the wallet on; one wallet per network per customer.',
      }),
  },
  { error: objectError },
);

/** The finest currency: the schema refuses anything finer, the domain checks the real currency. */
const MAX_DECIMALS = Math.max(...Object.values(CURRENCIES).map((currency) => currency.decimals));
const AMOUNT_MESSAGE = 'Must be a positive decimal string, e.g. "100.50"';

/**
 * Exactly one message per bad amount (empty, malformed, zero, too large). How many fraction
 * digits are allowed depends on the currency, so the domain checks that with the wallet at hand.
 */
const amountSchema = z
  .string({ error: requiredOr(AMOUNT_MESSAGE) })
  .superRefine((value, ctx) => {
    const parsed = parseAmountInput(value, MAX_DECIMALS);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message, input: value });
  })
  .meta({
    description:
      'A positive decimal string with at most the currency’s decimals of fraction digits',
    examples: ['100.50'],
  });

export const sandboxMovementSchema = z.strictObject(
  {
    currency: z
      .enum(CURRENCY_CODES, { error: requiredOr(`Must be one of ${CURRENCY_CODES.join(', ')}`) })
      .meta({ description: 'A currency that exists on the wallet’s network' }),
    amount: amountSchema,
  },
  { error: objectError },
);

export type WalletCreateInput = z.input<typeof walletCreateSchema>;
export type WalletCreate = z.output<typeof walletCreateSchema>;
export type SandboxMovementInput = z.input<typeof sandboxMovementSchema>;
export type SandboxMovement = z.output<typeof sandboxMovementSchema>;
