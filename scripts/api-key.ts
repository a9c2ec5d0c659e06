import { parseArgs } from 'node:util';
import { ZodError } from 'zod';
import { closeDatabase } from '@/db/client';
import { createApiKey, revokeApiKey } from '@/lib/api-keys/commands';
import { DomainError } from '@/lib/errors';
import { newRequestId } from '@/lib/ids';

/**
 * `npm run api-key -- create <name> [--live]`: prints a new API key (operators and CI need one
 * without the UI). The secret is shown once; only its hash is stored.
 * `npm run api-key -- revoke <key id>`: revokes a key; running app instances stop accepting it
 * at once (the revocation notifies them through PostgreSQL).
 */
const USAGE =
  'Usage: npm run api-key -- create <name> [--live]\n       npm run api-key -- revoke <key id>';
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { live: { type: 'boolean', default: false } },
});
const [command, ...rest] = positionals;
if (!(command === 'create' || command === 'revoke') || rest.length === 0) {
  console.error(USAGE);
  process.exit(2);
}

const context = {
  actor: {
    kind: 'staff',
    id: 'cli',
    role: 'admin',
    name: 'Command line',
    email: 'cli@localhost',
  },
  requestId: newRequestId(),
  source: 'cli',
} as const;

try {
  if (command === 'create') {
    const { key, secret } = await createApiKey(context, {
      name: rest.join(' '),
      mode: values.live ? 'live' : 'test',
    });
    console.log(`Created API key ${key.id} (${key.name}, ${key.mode}).`);
    console.log(secret);
  } else {
    const key = await revokeApiKey(context, rest[0]!);
    console.log(`Revoked API key ${key.id} (${key.name}).`);
  }
  await closeDatabase();
} catch (error) {
  const message =
    error instanceof DomainError || error instanceof ZodError ? error.message : String(error);
  console.error(message);
  process.exit(1);
}
