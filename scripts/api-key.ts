import { parseArgs } from 'node:util';
import { ZodError } from 'zod';
import { closeDatabase } from '@/db/client';
import { createApiKey } from '@/lib/api-keys/commands';
import { DomainError } from '@/lib/errors';
import { newRequestId } from '@/lib/ids';

/**
 * `npm run api-key -- create <name> [--live]`: prints a new API key (operators and CI need one
 * without the UI). The secret is shown once; only its hash is stored.
 */
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { live: { type: 'boolean', default: false } },
});
const [command, ...nameParts] = positionals;
if (command !== 'create' || nameParts.length === 0) {
  console.error('Usage: npm run api-key -- create <name> [--live]');
  process.exit(2);
}

try {
  const { key, secret } = await createApiKey(
    {
      actor: {
        kind: 'staff',
        id: 'cli',
        role: 'admin',
        name: 'Command line',
        email: 'cli@localhost',
      },
      requestId: newRequestId(),
      source: 'cli',
    },
    { name: nameParts.join(' '), mode: values.live ? 'live' : 'test' },
  );
  console.log(`Created API key ${key.id} (${key.name}, ${key.mode}).`);
  console.log(secret);
  await closeDatabase();
} catch (error) {
  const message =
    error instanceof DomainError || error instanceof ZodError ? error.message : String(error);
  console.error(message);
  process.exit(1);
}
