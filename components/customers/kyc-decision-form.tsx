'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { TextareaField } from '@/components/ui/textarea';
import { recordKycDecisionAction } from '@/lib/kyc/actions';
import {
  KYC_DECISION_LABELS,
  KYC_DECISIONS,
  KYC_REASON_MAX_LENGTH,
  kycDecisionSchema,
  type KycDecisionInput,
  type KycDecisionValues,
} from '@/lib/kyc/schemas';
import { STATUS_LABELS } from './status-badge';

const FIELDS = ['decision', 'reason'] as const;

/** Admins record approve / reject / request more, always with a reason for the history. */
export function KycDecisionForm({ customerId }: { customerId: string }) {
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<KycDecisionInput, unknown, KycDecisionValues>({
    resolver: zodResolver(kycDecisionSchema),
    defaultValues: { decision: undefined, reason: '' },
  });

  async function onSubmit(values: KycDecisionValues) {
    setFailure(null);
    const result = await recordKycDecisionAction(customerId, values);
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
    // A fresh form for the next decision: nothing pre-selected to be sent twice by accident.
    reset();
    toast.success(`Decision recorded. Status: ${STATUS_LABELS[result.data.status]}.`);
  }

  const decisionError = errors.decision?.message;
  return (
    <form
      onSubmit={handleSubmit(onSubmit)}
      noValidate
      aria-label="Record a KYC decision"
      className="space-y-3"
    >
      <fieldset
        aria-describedby={decisionError ? 'kyc-decision-error' : undefined}
        aria-invalid={decisionError ? true : undefined}
      >
        <legend className="mb-1 text-sm font-medium">Decision</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-2">
          {KYC_DECISIONS.map((decision) => (
            <label key={decision} className="inline-flex items-center gap-2 text-sm">
              <input
                type="radio"
                value={decision}
                className="h-4 w-4 accent-indigo-600"
                {...register('decision')}
              />
              {KYC_DECISION_LABELS[decision]}
            </label>
          ))}
        </div>
        {decisionError ? (
          <p id="kyc-decision-error" className="mt-1 text-sm text-red-600 dark:text-red-400">
            {decisionError}
          </p>
        ) : null}
      </fieldset>
      <TextareaField
        id="kyc-reason"
        label="Reason"
        rows={3}
        maxLength={KYC_REASON_MAX_LENGTH}
        required
        error={errors.reason?.message}
        {...register('reason')}
      />
      <div aria-live="polite" role="status">
        {failure ? (
          <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">
            {failure}
          </p>
        ) : null}
      </div>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? 'Recording…' : 'Record decision'}
      </Button>
    </form>
  );
}
