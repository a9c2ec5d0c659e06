import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { closeDatabase, databaseHandle, db } from './client';
import { DEMO_SEED, MAX_DEMO_CUSTOMERS, seedDemoData } from './demo-data';
import { DEMO_PASSWORD, DEMO_STAFF } from './demo-staff';
import { EmbeddedDatabaseError } from './embedded';
import {
  assertMigrated,
  DatabaseStartupError,
  describeDatabaseError,
  migrateDatabase,
} from './migrator';

const HELP = `Usage: npm run db:seed -- [--customers N] [--seed S]

Fills the database (DATABASE_URL, or the embedded one) with deterministic demo data: the demo
staff accounts, USD prices, and N customers with wallets, balances and ledger entries.

  --customers N   customers to create, 0 to ${MAX_DEMO_CUSTOMERS.toLocaleString('en-US')} (default 300)
  --seed S        random seed, 0 to 4294967295 (default ${DEMO_SEED}); the same seed gives the same data
  --help          show this text

Safe to run again: staff accounts and prices that exist are left alone, and customers are only
added to an empty customer table (a database that has any is skipped, never mixed into). To
start over, drop the database (or \`npm run db:reset\` for the embedded one).
The embedded database is migrated first; a PostgreSQL server must be migrated with
\`npm run db:migrate\`.`;

class UsageError extends Error {}

function integerOption(
  value: string | undefined,
  name: string,
  fallback: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  const normalised = value.replace(/_/g, '');
  if (!/^\d+$/.test(normalised) || Number(normalised) > max) {
    throw new UsageError(
      `--${name} must be a whole number from 0 to ${max.toLocaleString('en-US')}, got "${value}"`,
    );
  }
  return Number(normalised);
}

async function tableCounts(): Promise<Record<string, number>> {
  const result = await db.execute<Record<string, string>>(sql`
    select (select count(*) from customers where deleted_at is null) as customers,
           (select count(*) from wallets) as wallets,
           (select count(*) from wallet_balances) as balances,
           (select count(*) from ledger_entries) as "ledger entries",
           (select count(*) from staff_users) as "staff members"`);
  return Object.fromEntries(
    Object.entries(result.rows[0] ?? {}).map(([name, n]) => [name, Number(n)]),
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      customers: { type: 'string' },
      seed: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const customers = integerOption(values.customers, 'customers', 300, MAX_DEMO_CUSTOMERS);
  const seed = integerOption(values.seed, 'seed', DEMO_SEED, 0xffffffff);

  const handle = databaseHandle();
  console.log(
    `Seeding ${handle.location} with ${customers.toLocaleString('en-US')} customers (seed ${seed}) …`,
  );
  const started = performance.now();
  if (handle.kind === 'embedded') {
    await migrateDatabase();
    console.log(`  migrated (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  } else {
    await assertMigrated();
  }
  await seedDemoData({ customers, seed, log: (line) => console.log(`  ${line}`) });
  const seconds = (performance.now() - started) / 1000;

  const counts = await tableCounts();
  console.log(`Done in ${seconds.toFixed(1)} s. The database now holds:`);
  for (const [name, n] of Object.entries(counts))
    console.log(`  ${n.toLocaleString('en-US').padStart(12)} ${name}`);
  console.log('\nDemo sign-in (every account):');
  for (const member of DEMO_STAFF) console.log(`  ${member.role.padEnd(8)} ${member.email}`);
  console.log(`  password ${DEMO_PASSWORD}`);
}

function describeFailure(error: unknown): string {
  if (
    error instanceof UsageError ||
    error instanceof DatabaseStartupError ||
    error instanceof EmbeddedDatabaseError
  ) {
    return error.message;
  }
  // parseArgs reports an unknown option or a missing value with these codes.
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_')) {
    return `${(error as Error).message} (see --help)`;
  }
  return `Seeding failed: ${describeDatabaseError(error)}`;
}

try {
  await main();
  await closeDatabase();
} catch (error) {
  console.error(describeFailure(error));
  await closeDatabase().catch(() => undefined);
  process.exit(1);
}
