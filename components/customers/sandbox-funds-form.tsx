'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { SelectField } from '@/components/ui/select';
import { moveSandboxFundsAction } from '@/lib/ledger/actions';
import type { LedgerEntryKind } from '@/lib/ledger/commands';
import type { CurrencyCode, Network } from '@/lib/money/currencies';
import {
  sandboxMovementSchema,
  type SandboxMovement,
  type SandboxMovementInput,
} from '@/lib/wallets/schemas';

const FIELDS = ['currency', 'amount'] as const;

/**
 * Sandbox mode only: credit or debit test funds on one wallet. "Credit" is the form's first
 * button, so Enter in the amount field credits; debiting always takes a deliberate click.
 */
export function SandboxFundsForm({
  walletId,
  network,
  currencies,
  balances,
}: {
  walletId: string;
  network: Network;
  /** The currencies that exist on this wallet's network. */
  currencies: CurrencyCode[];
  /** Current amounts by currency, for the hint under the amount. */
  balances: Partial<Record<CurrencyCode, string>>;
}) {
  const id = useId();
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    resetField,
    setError,
    control,
    formState: { errors, isSubmitting },
  } = useForm<SandboxMovementInput, unknown, SandboxMovement>({
    resolver: zodResolver(sandboxMovementSchema),
    defaultValues: { currency: currencies[0], amount: '' },
  });
  const currency = useWatch({ control, name: 'currency' });
  const balance = balances[currency as CurrencyCode];

  async function move(values: SandboxMovement, kind: LedgerEntryKind) {
    setFailure(null);
    const result = await moveSandboxFundsAction(walletId, kind, values);
    if (!result.ok) {
      let placed = false;
      for (const [field, message] of Object.entries(result.fieldErrors ?? {})) {
        const known = FIELDS.find((name) => name === field);
        if (known) {
          setError(known, { message });
          placed = true;
        }
      }
      if (!placed) setFailure(result.message);
      toast.error(result.message);
      return;
    }
    const entry = result.data;
    resetField('amount');
    toast.success(
      `${kind === 'credit' ? 'Credited' : 'Debited'} ${entry.amount} ${entry.currency} on ${network}. Balance: ${entry.balance} ${entry.currency}.`,
    );
  }

  return (
    <form
      aria-label={`Sandbox funds for ${network} wallet`}
      noValidate
      onSubmit={handleSubmit((values, event) => {
        const submitter = (event?.nativeEvent as SubmitEvent | undefined)?.submitter;
        return move(values, submitter?.getAttribute('value') === 'debit' ? 'debit' : 'credit');
      })}
      className="space-y-2 rounded-md border border-dashed border-amber-400 bg-amber-50/50 p-3 dark:border-amber-700 dark:bg-amber-950/30"
    >
      <p className="text-xs font-semibold tracking-wide text-amber-900 uppercase dark:text-amber-200">
        Sandbox funds
      </p>
      <div className="grid items-start gap-2 sm:grid-cols-[8rem_1fr_auto]">
        <SelectField
          id={`${id}-currency`}
          label="Currency"
          error={errors.currency?.message}
          {...register('currency')}
        >
          {currencies.map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </SelectField>
        <div>
          <TextField
            id={`${id}-amount`}
            label="Amount"
            inputMode="decimal"
            autoComplete="off"
            placeholder="100.00"
            error={errors.amount?.message}
            {...register('amount')}
          />
          <p className="mt-1 text-xs text-zinc-600 tabular-nums dark:text-zinc-400">
            Balance: {balance ?? '0'} {currency}
          </p>
        </div>
        <div className="flex gap-2 sm:pt-6">
          <Button type="submit" name="kind" value="credit" disabled={isSubmitting}>
            Credit
          </Button>
          <Button
            type="submit"
            name="kind"
            value="debit"
            variant="secondary"
            disabled={isSubmitting}
          >
            Debit
          </Button>
        </div>
      </div>
      <div aria-live="polite" role="status">
        {failure ? <p className="text-sm text-red-700 dark:text-red-300">{failure}</p> : null}
      </div>
    </form>
  );
}
