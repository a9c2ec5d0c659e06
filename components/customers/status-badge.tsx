import { Badge } from '@/components/ui/badge';
import type { CustomerStatus } from '@/lib/customers/constants';

type Tone = React.ComponentProps<typeof Badge>['tone'];

export const STATUS_LABELS: Record<CustomerStatus, string> = {
  not_started: 'Not started',
  incomplete: 'Incomplete',
  pending_verification: 'Pending verification',
  under_review: 'Under review',
  approved: 'Approved',
  rejected: 'Rejected',
};

const STATUS_TONES: Record<CustomerStatus, Tone> = {
  not_started: 'neutral',
  incomplete: 'amber',
  pending_verification: 'blue',
  under_review: 'violet',
  approved: 'green',
  rejected: 'red',
};

/** A customer's verification status, in words and a colour that only repeats the words. */
export function StatusBadge({ status }: { status: CustomerStatus }) {
  return <Badge tone={STATUS_TONES[status]}>{STATUS_LABELS[status]}</Badge>;
}
