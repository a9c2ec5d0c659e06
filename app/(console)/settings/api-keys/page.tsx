import type { Metadata } from 'next';
import { ApiKeyTable } from '@/components/settings/api-key-table';
import { CreateApiKeyDialog } from '@/components/settings/create-api-key-dialog';
import { SettingsNotAllowed } from '@/components/settings/not-allowed';
import { listApiKeys } from '@/lib/api-keys/queries';
import { can } from '@/lib/auth/permissions';
import { requireStaffActor } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'API keys · Settings' };

export default async function ApiKeysPage() {
  const actor = await requireStaffActor();
  if (!can(actor, 'api-keys:manage')) return <SettingsNotAllowed />;
  const keys = await listApiKeys(actor);
  return (
    <section aria-labelledby="api-keys-heading" className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-1">
          <h2 id="api-keys-heading" className="text-lg font-semibold">
            API keys
          </h2>
          <p className="max-w-2xl text-sm text-zinc-600 dark:text-zinc-400">
            Keys let integrators call the REST API. A key’s secret is shown once, when it is
            created; revoke a key that leaks or is no longer used.
          </p>
        </div>
        <CreateApiKeyDialog />
      </div>
      <ApiKeyTable keys={keys} />
    </section>
  );
}
