'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import type { Network } from '@/lib/money/currencies';
import { createWalletAction } from '@/lib/wallets/actions';
import {
  walletCreateSchema,
  type WalletCreate,
  type WalletCreateInput,
} from '@/lib/wallets/schemas';

/** Opens a wallet on one of the networks the customer has none on yet. */
export function AddWalletForm({
  customerId,
  networks,
}: {
  customerId: string;
  /** Networks without a wallet, each with its display name. */
  networks: { network: Network; label: string }[];
}) {
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<WalletCreateInput, unknown, WalletCreate>({
    resolver: zodResolver(walletCreateSchema),
    defaultValues: { network: networks[0]?.network },
  });

  if (networks.length === 0) return null;

  async function onSubmit(values: WalletCreate) {
    setFailure(null);
    const result = await createWalletAction(customerId, values);
    if (!result.ok) {
      const message = result.fieldErrors?.network;
      if (message) setError('network', { message });
      else setFailure(result.message);
      toast.error(result.message);
      return;
    }
    toast.success(`Opened a ${result.data.network} wallet.`);
  }

  const error = errors.network?.message ?? failure;
  return (
    <form
      onSubmit={handleSubmit(onSubmit)}
      noValidate
      aria-label="Add wallet"
      className="flex flex-wrap items-center gap-2"
    >
      <label htmlFor="add-wallet-network" className="sr-only">
        Network
      </label>
      <select
        id="add-wallet-network"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'add-wallet-error' : undefined}
        className="rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        {...register('network')}
      >
        {networks.map(({ network, label }) => (
          <option key={network} value={network}>
            {label}
          </option>
        ))}
      </select>
      <Button type="submit" variant="secondary" className="py-1.5" disabled={isSubmitting}>
        {isSubmitting ? 'Adding…' : 'Add wallet'}
      </Button>
      <p
        id="add-wallet-error"
        aria-live="polite"
        className="w-full text-sm text-red-600 empty:hidden dark:text-red-400"
      >
        {error}
      </p>
    </form>
  );
}
