import { Badge } from '@/components/ui/badge';
import type { ApiKeyListItem } from '@/lib/api-keys/queries';
import { DateTimeCell, formatDateTime } from './format';
import { RevokeApiKeyButton } from './revoke-api-key-button';

const headerCell = 'px-3 py-3 font-medium whitespace-nowrap';

export function ApiKeyTable({ keys }: { keys: ApiKeyListItem[] }) {
  if (keys.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-zinc-300 px-4 py-10 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
        No API keys yet. Create one for each integration, so each can be revoked on its own.
      </div>
    );
  }
  return (
    <div className="relative overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className="min-w-full divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
        <caption className="sr-only">API keys</caption>
        <thead className="bg-zinc-50 text-left text-xs tracking-wide text-zinc-600 uppercase dark:bg-zinc-900 dark:text-zinc-400">
          <tr>
            <th scope="col" className={headerCell}>
              Name
            </th>
            <th scope="col" className={headerCell}>
              Key
            </th>
            <th scope="col" className={headerCell}>
              Mode
            </th>
            <th scope="col" className={headerCell}>
              Created by
            </th>
            <th scope="col" className={headerCell}>
              Created
            </th>
            <th scope="col" className={headerCell}>
              Last used
            </th>
            <th scope="col" className={headerCell}>
              Status
            </th>
            <th scope="col" className={headerCell}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {keys.map((key) => (
            <tr
              key={key.id}
              data-testid="api-key-row"
              className={key.status === 'revoked' ? 'text-zinc-600 dark:text-zinc-400' : ''}
            >
              <th scope="row" className="px-3 py-3 text-left font-medium">
                {key.name}
              </th>
              <td className="px-3 py-3 font-mono text-xs whitespace-nowrap">{key.prefix}</td>
              <td className="px-3 py-3">
                <Badge tone={key.mode === 'live' ? 'violet' : 'blue'}>{key.mode}</Badge>
              </td>
              <td className="px-3 py-3">{key.createdByName ?? 'Command line'}</td>
              <td className="px-3 py-3">
                <DateTimeCell date={key.createdAt} />
              </td>
              <td className="px-3 py-3">
                {key.lastUsedAt ? <DateTimeCell date={key.lastUsedAt} /> : 'Never'}
              </td>
              <td className="px-3 py-3 whitespace-nowrap">
                {key.status === 'active' ? (
                  <Badge tone="green">Active</Badge>
                ) : (
                  <span
                    title={key.revokedAt ? `Revoked ${formatDateTime(key.revokedAt)}` : undefined}
                  >
                    <Badge tone="neutral">Revoked</Badge>
                  </span>
                )}
              </td>
              <td className="px-3 py-3 text-right">
                {key.status === 'active' ? (
                  <RevokeApiKeyButton keyId={key.id} keyName={key.name} />
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
