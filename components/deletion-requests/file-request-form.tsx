'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { SelectField } from '@/components/ui/select';
import { TextareaField } from '@/components/ui/textarea';
import { fileDeletionRequestAction } from '@/lib/deletion-requests/actions';
import {
  DELETION_CHANNEL_LABELS,
  DELETION_CHANNELS,
  deletionRequestFileSchema,
  latestReceivedOn,
  NOTE_MAX_LENGTH,
  REFERENCE_MAX_LENGTH,
  type DeletionRequestFileInput,
  type DeletionRequestFileValues,
} from '@/lib/deletion-requests/schemas';

const FIELDS = ['customerId', 'channel', 'externalReference', 'receivedOn', 'note'] as const;

/** Today in the filer's own time zone, as the date input shows it. */
function localToday(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

const hintClass = 'text-xs text-zinc-600 dark:text-zinc-400';

/** Files an erasure request; the due date (one month after receipt) is the server's. */
export function FileRequestForm({ customerId }: { customerId?: string }) {
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const [leaving, setLeaving] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<DeletionRequestFileInput, unknown, DeletionRequestFileValues>({
    resolver: zodResolver(deletionRequestFileSchema),
    defaultValues: {
      customerId: customerId ?? '',
      channel: undefined,
      externalReference: '',
      receivedOn: localToday(),
      note: '',
    },
  });

  async function onSubmit(values: DeletionRequestFileValues) {
    setFailure(null);
    const result = await fileDeletionRequestAction({
      ...values,
      externalReference: values.externalReference ?? undefined,
      note: values.note ?? undefined,
    });
    if (result.ok) {
      setLeaving(true);
      toast.success('Deletion request filed');
      router.push(`/deletion-requests/${result.data.id}`);
      return;
    }
    let placed = false;
    for (const [field, message] of Object.entries(result.fieldErrors ?? {})) {
      const known = FIELDS.find((name) => name === field);
      if (known) {
        setError(known, { type: 'server', message }, { shouldFocus: !placed });
        placed = true;
      }
    }
    if (result.code === 'customer_not_found') {
      setError(
        'customerId',
        { type: 'server', message: 'No customer has this id (or it was deleted)' },
        { shouldFocus: true },
      );
      placed = true;
    }
    if (!placed) setFailure(result.message);
    toast.error(result.message);
  }

  const busy = isSubmitting || leaving;
  return (
    <form
      onSubmit={handleSubmit(onSubmit)}
      noValidate
      aria-label="File a deletion request"
      className="max-w-2xl space-y-5 rounded-lg border border-zinc-200 bg-white p-6 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <TextField
        id="deletion-customer-id"
        label="Customer id"
        autoComplete="off"
        spellCheck={false}
        placeholder="cus_… or biz_…"
        readOnly={customerId !== undefined}
        className="block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 font-mono text-sm shadow-sm read-only:bg-zinc-50 aria-invalid:border-red-500 dark:border-zinc-700 dark:bg-zinc-900 dark:read-only:bg-zinc-800"
        error={errors.customerId?.message}
        {...register('customerId')}
      />
      <div className="grid gap-5 sm:grid-cols-2">
        <SelectField
          id="deletion-channel"
          label="Received by"
          error={errors.channel?.message}
          {...register('channel')}
        >
          <option value="">Choose…</option>
          {DELETION_CHANNELS.map((channel) => (
            <option key={channel} value={channel}>
              {DELETION_CHANNEL_LABELS[channel]}
            </option>
          ))}
        </SelectField>
        <div className="space-y-1">
          <TextField
            id="deletion-received-on"
            label="Date received"
            type="date"
            max={latestReceivedOn()}
            error={errors.receivedOn?.message}
            aria-describedby={
              errors.receivedOn ? 'deletion-received-on-error' : 'deletion-received-on-hint'
            }
            {...register('receivedOn')}
          />
          {errors.receivedOn ? null : (
            <p id="deletion-received-on-hint" className={hintClass}>
              The request is due one calendar month later.
            </p>
          )}
        </div>
      </div>
      <div className="space-y-1">
        <TextField
          id="deletion-reference"
          label="External reference (optional)"
          autoComplete="off"
          maxLength={REFERENCE_MAX_LENGTH}
          placeholder="e.g. ZD-48213"
          error={errors.externalReference?.message}
          aria-describedby={
            errors.externalReference ? 'deletion-reference-error' : 'deletion-reference-hint'
          }
          {...register('externalReference')}
        />
        {errors.externalReference ? null : (
          <p id="deletion-reference-hint" className={hintClass}>
            A ticket or letter number. It is kept on the receipt after the erasure, so never the
            person’s name, email or phone.
          </p>
        )}
      </div>
      <div className="space-y-1">
        <TextareaField
          id="deletion-note"
          label="Note (optional)"
          rows={4}
          maxLength={NOTE_MAX_LENGTH}
          error={errors.note?.message}
          aria-describedby={errors.note ? 'deletion-note-error' : 'deletion-note-hint'}
          {...register('note')}
        />
        {errors.note ? null : (
          <p id="deletion-note-hint" className={hintClass}>
            For the reviewer. Erased together with the customer’s data when the request is approved.
          </p>
        )}
      </div>
      <div role="status" aria-live="polite">
        {failure ? (
          <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
            {failure}
          </p>
        ) : null}
      </div>
      <div className="flex flex-wrap justify-end gap-2">
        <Link
          href={customerId ? `/customers/${customerId}` : '/deletion-requests'}
          className="inline-flex items-center rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm font-medium text-zinc-900 hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800"
        >
          Cancel
        </Link>
        <Button type="submit" disabled={busy}>
          {busy ? 'Filing…' : 'File request'}
        </Button>
      </div>
    </form>
  );
}
