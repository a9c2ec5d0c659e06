import { z } from 'zod';

export const STAFF_ROLES = ['admin', 'support', 'viewer'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const staffMemberCreateSchema = z.strictObject({
  name: z.string().trim().min(1, 'Enter a name').max(200),
  email: z.email('Must be a valid email address').max(254).toLowerCase(),
  role: z.enum(STAFF_ROLES, 'Choose admin, support or viewer'),
  password: z.string().min(12, 'Use at least 12 characters').max(256),
});
export type StaffMemberCreateInput = z.input<typeof staffMemberCreateSchema>;
