'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Dialog } from '@/components/ui/dialog';
import { TextareaField } from '@/components/ui/textarea';
import { reviewDeletionRequestAction } from '@/lib/deletion-requests/actions';
import {
  deletionRequestRejectSchema,
  REASON_MAX_LENGTH,
  type DeletionRequestRejectInput,
} from '@/lib/deletion-requests/schemas';

/**
 * An admin's review: approve (erases the customer, then shows the receipt) or reject with a
 * reason. The filer sees both controls disabled, with the four-eyes rule spelled out; a
 * balance disables approval. The server enforces both whatever this shows.
 */
export function ReviewPanel({
  requestId,
  customerId,
  refusal,
  blocked,
}: {
  requestId: string;
  customerId: string;
  /** Why this admin may not review (they filed it), or null. */
  refusal: string | null;
  /** True while the customer holds funds. */
  blocked: boolean;
}) {
  const [approving, setApproving] = useState(false);
  return (
    <Card title="Review">
      <div className="space-y-4">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Approving erases the customer’s personal data at once; rejecting closes the request with
          your reason. Either way the request is closed.
        </p>
        {refusal ? (
          <p
            id="review-refusal"
            className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
          >
            {refusal}
          </p>
        ) : null}
        <div className="space-y-2">
          <Button
            type="button"
            variant="danger"
            disabled={refusal !== null || blocked}
            aria-describedby={refusal ? 'review-refusal' : undefined}
            onClick={() => setApproving(true)}
            className="w-full"
          >
            Approve and erase
          </Button>
          {blocked && !refusal ? (
            <p className="text-xs text-zinc-600 dark:text-zinc-400">
              Approval is blocked while the customer holds funds (see above).
            </p>
          ) : null}
        </div>
        <RejectForm requestId={requestId} disabled={refusal !== null} />
      </div>
      <Dialog
        open={approving}
        onClose={() => setApproving(false)}
        title="Approve and erase"
        description={
          <>
            Erases the personal data of <code>{customerId}</code> now. It cannot be undone.
          </>
        }
      >
        <ApproveConfirmation requestId={requestId} onCancel={() => setApproving(false)} />
      </Dialog>
    </Card>
  );
}

function ApproveConfirmation({ requestId, onCancel }: { requestId: string; onCancel: () => void }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function approve() {
    setPending(true);
    setFailure(null);
    const result = await reviewDeletionRequestAction(requestId, { decision: 'approve' });
    if (result.ok) {
      toast.success('Request approved: the customer’s personal data was erased');
      // Stays pending while the receipt loads, so a second click cannot send it again.
      router.push(`/deletion-requests/${requestId}/receipt`);
      return;
    }
    setPending(false);
    setFailure(result.message);
    toast.error(result.message);
    // Funds may have arrived, or another admin reviewed it: show the request as it is now.
    router.refresh();
  }

  return (
    <div className="space-y-4">
      <ul className="list-disc space-y-1 pl-5 text-sm">
        <li>The profile, KYC reasons and request notes are erased in one transaction.</li>
        <li>Wallets and ledger entries stay, linked to the tombstone id.</li>
        <li>A receipt records what was erased, what is kept and why.</li>
      </ul>
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
        <Button type="button" variant="danger" disabled={pending} onClick={() => void approve()}>
          {pending ? 'Erasing…' : 'Approve and erase'}
        </Button>
      </div>
    </div>
  );
}

function RejectForm({ requestId, disabled }: { requestId: string; disabled: boolean }) {
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<DeletionRequestRejectInput>({
    resolver: zodResolver(deletionRequestRejectSchema),
    defaultValues: { decision: 'reject', reason: '' },
  });

  async function onSubmit(values: DeletionRequestRejectInput) {
    setFailure(null);
    const result = await reviewDeletionRequestAction(requestId, values);
    if (result.ok) {
      // The action revalidates this page, so the response already carries it as closed.
      toast.success('Request rejected');
      return;
    }
    const reason = result.fieldErrors?.reason;
    if (reason) setError('reason', { type: 'server', message: reason }, { shouldFocus: true });
    else setFailure(result.message);
    toast.error(result.message);
  }

  return (
    <form
      onSubmit={handleSubmit(onSubmit)}
      noValidate
      aria-label="Reject the request"
      className="space-y-3 border-t border-zinc-200 pt-4 dark:border-zinc-800"
    >
      <input type="hidden" {...register('decision')} />
      <TextareaField
        id="reject-reason"
        label="Reason for rejecting"
        rows={3}
        maxLength={REASON_MAX_LENGTH}
        disabled={disabled}
        error={errors.reason?.message}
        {...register('reason')}
      />
      <div role="status" aria-live="polite">
        {failure ? (
          <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
            {failure}
          </p>
        ) : null}
      </div>
      <Button
        type="submit"
        variant="secondary"
        disabled={disabled || isSubmitting}
        className="w-full"
      >
        {isSubmitting ? 'Rejecting…' : 'Reject request'}
      </Button>
    </form>
  );
}
