/**
 * The customer vocabulary browser code needs (filters, badges, the metadata editor), apart
 * from the zod schemas in `schemas.ts`, so a page that only lists customers does not ship a
 * validation library to the browser. `schemas.ts` re-exports these.
 */
export const CUSTOMER_TYPES = ['individual', 'business'] as const;
export type CustomerType = (typeof CUSTOMER_TYPES)[number];

export const CUSTOMER_STATUSES = [
  'not_started',
  'incomplete',
  'pending_verification',
  'under_review',
  'approved',
  'rejected',
] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];

export const METADATA_MAX_KEYS = 50;
