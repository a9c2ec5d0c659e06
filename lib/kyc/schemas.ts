import { z } from 'zod';
import type { CustomerStatus } from '@/lib/customers/schemas';

export const KYC_DECISIONS = ['approve', 'reject', 'request_more'] as const;
export type KycDecision = (typeof KYC_DECISIONS)[number];

/** The status each decision moves a customer to: asking for more puts KYC back to incomplete. */
export const KYC_DECISION_STATUS = {
  approve: 'approved',
  reject: 'rejected',
  request_more: 'incomplete',
} as const satisfies Record<KycDecision, CustomerStatus>;

export const KYC_DECISION_LABELS: Record<KycDecision, string> = {
  approve: 'Approve',
  reject: 'Reject',
  request_more: 'Request more information',
};

export const KYC_REASON_MAX_LENGTH = 2000;

/** One schema for the decision form's resolver and the domain command. */
export const kycDecisionSchema = z.strictObject({
  decision: z.enum(KYC_DECISIONS, { error: 'Choose a decision' }),
  reason: z
    .string({ error: 'Give a reason for the decision' })
    .trim()
    .min(1, { error: 'Give a reason for the decision' })
    .max(KYC_REASON_MAX_LENGTH, {
      error: `Must be at most ${KYC_REASON_MAX_LENGTH} characters`,
    })
    // PostgreSQL text cannot store U+0000; refusing it keeps it a validation error, not a 500.
    .refine((value) => !value.includes('\u0000'), { error: 'Must not contain NUL characters' }),
});

export type KycDecisionInput = z.input<typeof kycDecisionSchema>;
export type KycDecisionValues = z.output<typeof kycDecisionSchema>;
