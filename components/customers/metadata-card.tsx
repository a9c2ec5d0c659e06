import { Card } from '@/components/ui/card';
import type { CustomerMetadata } from '@/db/schema';

/** The integrator's own key/value pairs, sorted by key; the value's type stays visible. */
export function MetadataCard({ metadata }: { metadata: CustomerMetadata }) {
  const entries = Object.entries(metadata).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return (
    <Card title="Metadata">
      {entries.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No metadata.</p>
      ) : (
        <dl className="space-y-2 text-sm">
          {entries.map(([key, value]) => (
            <div key={key} className="grid grid-cols-[minmax(0,10rem)_1fr] items-baseline gap-2">
              <dt className="font-mono break-all text-zinc-600 dark:text-zinc-400">{key}</dt>
              <dd className="break-words">
                {typeof value === 'string' ? (
                  value
                ) : (
                  <code className="text-indigo-700 dark:text-indigo-300">{String(value)}</code>
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </Card>
  );
}
