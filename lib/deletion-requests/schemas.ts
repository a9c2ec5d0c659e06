import { z } from 'zod';

export const DELETION_CHANNELS = ['email', 'ticket', 'phone', 'letter'] as const;
export type DeletionChannel = (typeof DELETION_CHANNELS)[number];

export const DELETION_CHANNEL_LABELS: Record<DeletionChannel, string> = {
  email: 'E-mail',
  ticket: 'Support ticket',
  phone: 'Phone',
  letter: 'Letter',
};

export const FOUR_EYES_MESSAGE =
  'You filed this request: another admin must review it (four-eyes rule).';

export const NOTE_MAX_LENGTH = 2000;
export const REASON_MAX_LENGTH = 2000;
export const REFERENCE_MAX_LENGTH = 200;

/**
 * The latest date a request can have been received: today somewhere on Earth (UTC+14), so a
 * request that arrived "today" in the filer's time zone is never refused as being in the future.
 */
export function latestReceivedOn(now = new Date()): string {
  return new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);
}

// PostgreSQL text cannot store U+0000: refusing it keeps it a validation error, not a 500.
const noNul = (value: string) => !value.includes('\u0000');

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters`)
    .refine(noNul, 'Must not contain NUL characters')
    .optional()
    .transform((v) => v || null);

/** One schema for the filing form's resolver, the server action and the domain command. */
export const deletionRequestFileSchema = z.strictObject({
  customerId: z
    .string({ error: 'Enter the customer id' })
    .trim()
    .regex(/^(cus|biz)_[A-Za-z0-9]{1,64}$/, 'Must be a customer id (cus_… or biz_…)'),
  channel: z.enum(DELETION_CHANNELS, 'Choose how the request arrived'),
  externalReference: optionalText(REFERENCE_MAX_LENGTH),
  receivedOn: z.iso
    .date('Must be a date (YYYY-MM-DD)')
    .refine((v) => v <= latestReceivedOn(), 'Cannot be in the future'),
  note: optionalText(NOTE_MAX_LENGTH),
});
export type DeletionRequestFileInput = z.input<typeof deletionRequestFileSchema>;
export type DeletionRequestFileValues = z.output<typeof deletionRequestFileSchema>;

/**
 * An approval's reason is optional and never stored (the audit notes only that one was
 * given): the record of an erasure must not quote the person it erases.
 */
export const deletionRequestApproveSchema = z.strictObject({
  decision: z.literal('approve'),
  reason: optionalText(REASON_MAX_LENGTH),
});

export const deletionRequestRejectSchema = z.strictObject({
  decision: z.literal('reject'),
  reason: z
    .string({ error: 'Give the reason for rejecting' })
    .trim()
    .min(1, 'Give the reason for rejecting')
    .max(REASON_MAX_LENGTH, `At most ${REASON_MAX_LENGTH} characters`)
    .refine(noNul, 'Must not contain NUL characters'),
});
export type DeletionRequestRejectInput = z.input<typeof deletionRequestRejectSchema>;

export const deletionRequestReviewSchema = z.discriminatedUnion(
  'decision',
  [deletionRequestApproveSchema, deletionRequestRejectSchema],
  { error: 'Choose approve or reject' },
);
export type DeletionRequestReviewInput = z.input<typeof deletionRequestReviewSchema>;
