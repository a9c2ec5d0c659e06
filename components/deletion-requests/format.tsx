import { Badge } from '@/components/ui/badge';
import type { DeletionRequestStatus } from '@/lib/deletion-requests/queries';

const longDate = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
const dateTime = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

/** A calendar date ("2026-11-02") as "2 Nov 2026", in a <time> element. */
export function CalendarDate({ value }: { value: string }) {
  return <time dateTime={value}>{longDate.format(new Date(`${value}T00:00:00Z`))}</time>;
}

/** An instant in UTC, in a <time> element. */
export function Instant({ value }: { value: Date | string }) {
  const date = typeof value === 'string' ? new Date(value) : value;
  return <time dateTime={date.toISOString()}>{dateTime.format(date)} UTC</time>;
}

export function daysLeftLabel(daysLeft: number): string {
  if (daysLeft < 0) return `${-daysLeft} ${-daysLeft === 1 ? 'day' : 'days'} overdue`;
  if (daysLeft === 0) return 'Due today';
  return `${daysLeft} ${daysLeft === 1 ? 'day' : 'days'} left`;
}

/** Days left in words, red when overdue and amber in the last week; the colour only repeats the words. */
export function DaysLeftBadge({ daysLeft }: { daysLeft: number }) {
  const tone = daysLeft < 0 ? 'red' : daysLeft <= 7 ? 'amber' : 'neutral';
  return <Badge tone={tone}>{daysLeftLabel(daysLeft)}</Badge>;
}

const STATUS_LABELS: Record<DeletionRequestStatus, string> = {
  open: 'Open',
  completed: 'Completed',
  rejected: 'Rejected',
};

export function RequestStatusBadge({ status }: { status: DeletionRequestStatus }) {
  const tone = status === 'open' ? 'blue' : status === 'completed' ? 'green' : 'neutral';
  return <Badge tone={tone}>{STATUS_LABELS[status]}</Badge>;
}

/** A staff member's name, or their id when the account no longer exists. */
export function staffName(staff: { id: string; name: string | null }): string {
  return staff.name ?? `former staff member ${staff.id}`;
}
