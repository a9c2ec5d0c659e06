'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { TextField } from '@/components/ui/field';
import { Skeleton } from '@/components/ui/skeleton';
import { TextareaField } from '@/components/ui/textarea';
import { deleteCustomerAction, getDeletionImpactAction } from '@/lib/customers/actions';
import type { DeletionImpact } from '@/lib/customers/deletion-impact';
import { deletionConfirmationSchema, type DeletionConfirmation } from '@/lib/customers/form-values';
import { BlockedDeletionAlert } from '@/components/deletion-requests/blocked-deletion-alert';

const impactKey = (customerId: string) => ['customers', customerId, 'deletion-impact'];

/** Admins only (the page hides it for others; the server refuses them anyway). */
export function DeleteCustomerButton({ customerId }: { customerId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="button" variant="danger" onClick={() => setOpen(true)}>
        Delete customer
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title="Delete customer"
        description="Erases this customer's personal data for good. It cannot be undone."
      >
        <DeletionDialogBody customerId={customerId} onCancel={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

/** Mounted only while the dialog is open, so every opening reads the impact afresh. */
function DeletionDialogBody({
  customerId,
  onCancel,
}: {
  customerId: string;
  onCancel: () => void;
}) {
  const impact = useQuery({
    queryKey: impactKey(customerId),
    queryFn: () => getDeletionImpactAction(customerId),
    staleTime: 0,
    gcTime: 0,
  });

  if (impact.isPending) return <ImpactSkeleton />;
  if (impact.isError || !impact.data.ok) {
    const message = impact.data && !impact.data.ok ? impact.data.message : 'Could not load.';
    return (
      <div className="space-y-4">
        <p
          role="alert"
          className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
        >
          {message}
        </p>
        <div className="flex justify-end">
          <Button type="button" variant="secondary" onClick={onCancel}>
            Close
          </Button>
        </div>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <ImpactSummary impact={impact.data.data} />
      {impact.data.data.blockedReason ? (
        <div className="flex justify-end">
          <Button type="button" variant="secondary" onClick={onCancel}>
            Close
          </Button>
        </div>
      ) : (
        <ConfirmDeletionForm customerId={customerId} onCancel={onCancel} />
      )}
    </div>
  );
}

function ImpactSkeleton() {
  return (
    <div className="space-y-4" aria-busy="true">
      <p className="sr-only" role="status">
        Checking what the delete would touch…
      </p>
      <Skeleton className="h-16 w-full" />
      <Skeleton className="h-10 w-full" />
      <Skeleton className="h-20 w-full" />
      <Skeleton className="ml-auto h-9 w-40" />
    </div>
  );
}

function ImpactSummary({ impact }: { impact: DeletionImpact }) {
  const wallets = impact.walletCount === 1 ? '1 wallet' : `${impact.walletCount} wallets`;
  return (
    <div className="space-y-3 text-sm">
      <ul className="list-disc space-y-1 pl-5">
        <li>Names, email, phone, birth date, address, external id and metadata are erased.</li>
        <li>
          {impact.walletCount === 0
            ? 'The customer has no wallets.'
            : `${wallets} and the ledger stay on record (retention rules); the addresses are not reused.`}
        </li>
        {impact.openDeletionRequest ? (
          <li>
            An open deletion request ({impact.openDeletionRequest.id}) is due on{' '}
            {impact.openDeletionRequest.dueOn}.
          </li>
        ) : null}
      </ul>
      <BlockedDeletionAlert title="Deletion is blocked" impact={impact} />
    </div>
  );
}

function ConfirmDeletionForm({
  customerId,
  onCancel,
}: {
  customerId: string;
  onCancel: () => void;
}) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const [leaving, setLeaving] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<DeletionConfirmation>({
    resolver: zodResolver(deletionConfirmationSchema(customerId)),
    defaultValues: { confirmId: '', reason: '' },
  });

  async function onSubmit(values: DeletionConfirmation) {
    setFailure(null);
    const result = await deleteCustomerAction(customerId, values);
    if (result.ok) {
      setLeaving(true);
      toast.success('Customer deleted');
      router.push('/customers');
      return;
    }
    for (const [field, message] of Object.entries(result.fieldErrors ?? {})) {
      if (field === 'confirmId' || field === 'reason') setError(field, { type: 'server', message });
    }
    setFailure(result.message);
    toast.error(result.message);
    // Funds may have arrived since the dialog opened: show the impact as it is now.
    if (result.code === 'customer_has_balance') {
      await queryClient.invalidateQueries({ queryKey: impactKey(customerId) });
    }
  }

  const busy = isSubmitting || leaving;
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-4">
      <TextField
        id="delete-confirm-id"
        label={`Type the customer id (${customerId}) to confirm`}
        autoComplete="off"
        spellCheck={false}
        className="block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 font-mono text-sm shadow-sm aria-invalid:border-red-500 dark:border-zinc-700 dark:bg-zinc-900"
        error={errors.confirmId?.message}
        {...register('confirmId')}
      />
      <TextareaField
        id="delete-reason"
        label="Reason"
        rows={3}
        error={errors.reason?.message}
        {...register('reason')}
      />
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        The reason is required, but not stored: it may name the person.
      </p>
      <div role="status" aria-live="polite">
        {failure ? (
          <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
            {failure}
          </p>
        ) : null}
      </div>
      <div className="flex flex-wrap justify-end gap-2">
        <Button type="button" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" variant="danger" disabled={busy}>
          {busy ? 'Deleting…' : 'Delete customer'}
        </Button>
      </div>
    </form>
  );
}
