import type { StaffRole } from '@/lib/staff/schemas';

/** What each role may do, in the words the staff pages use (lib/auth/permissions.ts decides). */
export const ROLE_SUMMARIES: Record<StaffRole, { label: string; summary: string }> = {
  admin: { label: 'Admin', summary: 'Everything, including deletions, KYC, API keys and staff.' },
  support: {
    label: 'Support',
    summary: 'Views, searches, creates and edits customers; no deletions, keys or staff.',
  },
  viewer: { label: 'Viewer', summary: 'Read-only; contact details masked unless revealed.' },
};
