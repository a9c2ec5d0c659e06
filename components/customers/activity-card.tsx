import { Card } from '@/components/ui/card';
import type { ActivityEntry } from '@/lib/audit/queries';
import { STATUS_LABELS } from './status-badge';

const dateTime = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'medium',
  timeZone: 'UTC',
});

const ACTION_LABELS: Record<string, string> = {
  'customer.created': 'Customer created',
  'customer.updated': 'Profile updated',
  'customer.deleted': 'Customer deleted',
  'customer.contact_revealed': 'Contact revealed',
  'kyc.decided': 'KYC decision',
  'wallet.created': 'Wallet opened',
  'sandbox.credited': 'Sandbox credit',
  'sandbox.debited': 'Sandbox debit',
};

const SOURCE_LABELS: Record<ActivityEntry['source'], string> = {
  dashboard: 'Console',
  api: 'API',
  cli: 'Command line',
  system: 'System',
};

function statusLabel(status: string): string {
  return (STATUS_LABELS as Record<string, string | undefined>)[status] ?? status;
}

/** "deletion_request.filed" → "Deletion request filed" for actions without a label of their own. */
function actionLabel(action: string): string {
  const known = ACTION_LABELS[action];
  if (known) return known;
  const text = action.replaceAll(/[._]/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The newest audit events about this customer: who did what, from where, to which fields. */
export function ActivityCard({ activity }: { activity: ActivityEntry[] }) {
  return (
    <Card title="Recent activity">
      {activity.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No activity recorded.</p>
      ) : (
        <div className="-mx-4 -my-4 overflow-x-auto">
          <table className="min-w-full text-sm">
            <caption className="sr-only">Recent activity, newest first</caption>
            <thead className="bg-zinc-50 text-left text-xs text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  Time (UTC)
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Action
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  By
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Source
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Fields
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {activity.map((entry) => (
                <tr key={entry.id} data-testid="activity-row">
                  <td className="px-4 py-2 whitespace-nowrap tabular-nums">
                    <time dateTime={entry.occurredAt.toISOString()}>
                      {dateTime.format(entry.occurredAt)}
                    </time>
                  </td>
                  <td className="px-4 py-2">
                    <span className="font-medium">{actionLabel(entry.action)}</span>
                    {entry.statusChange ? (
                      <span className="block text-xs text-zinc-600 dark:text-zinc-400">
                        {statusLabel(entry.statusChange.from)} →{' '}
                        {statusLabel(entry.statusChange.to)}
                      </span>
                    ) : null}
                  </td>
                  <td className="px-4 py-2 whitespace-nowrap">{entry.actorLabel}</td>
                  <td className="px-4 py-2 whitespace-nowrap">{SOURCE_LABELS[entry.source]}</td>
                  <td className="px-4 py-2">
                    {entry.changedFields.length ? (
                      <span className="font-mono text-xs">{entry.changedFields.join(', ')}</span>
                    ) : (
                      <span className="text-zinc-600 dark:text-zinc-400">—</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
