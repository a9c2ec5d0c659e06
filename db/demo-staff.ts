import type { StaffRole } from '@/lib/staff/schemas';

/** The demo staff every embedded install starts with; printed at start-up and in the README. */
export const DEMO_PASSWORD = 'console-demo-2026';

export const DEMO_STAFF: { name: string; email: string; role: StaffRole }[] = [
  { name: 'Ada Admin', email: 'admin@example.com', role: 'admin' },
  { name: 'Sam Support', email: 'support@example.com', role: 'support' },
  { name: 'Val Viewer', email: 'viewer@example.com', role: 'viewer' },
];
