import { sql } from 'drizzle-orm';
import { databaseHandle, db } from './client';
import { DEMO_PASSWORD, DEMO_STAFF } from './demo-staff';
import { seedDemoData } from './demo-data';
import { EmbeddedDatabaseError } from './embedded';
import {
  assertMigrated,
  DatabaseStartupError,
  describeDatabaseError,
  migrateDatabase,
} from './migrator';
import { authSecret } from '@/lib/auth/secret';
import { ensureBootstrapAdmin } from '@/lib/staff/bootstrap';

const DEMO_CUSTOMERS = 300;

/**
 * Start-up: the embedded database migrates and seeds itself; a real server must already be
 * migrated (`npm run db:migrate`). Any problem ends the process with one clear line.
 */
export async function prepareDatabase(): Promise<void> {
  try {
    authSecret(); // a missing or short BETTER_AUTH_SECRET stops start-up here, not at sign-in
    const handle = databaseHandle();
    if (handle.kind === 'embedded') {
      await migrateDatabase();
      if (await isEmpty()) {
        console.log(`Creating demo data in ${handle.location} …`);
        await seedDemoData({ customers: DEMO_CUSTOMERS });
      }
    } else {
      await assertMigrated();
    }
    await ensureBootstrapAdmin();
    printSignInHelp(handle.kind);
  } catch (error) {
    const message =
      error instanceof DatabaseStartupError ||
      error instanceof EmbeddedDatabaseError ||
      /BETTER_AUTH_SECRET/.test(String(error))
        ? (error as Error).message
        : `Database start-up failed: ${describeDatabaseError(error)}`;
    const embedded = !process.env.DATABASE_URL;
    console.error(
      `\n✖ ${message}${embedded ? '\n  If the embedded data folder is damaged, `npm run db:reset` recreates it (its data is lost).' : ''}\n`,
    );
    process.exit(1);
  }
}

async function isEmpty(): Promise<boolean> {
  const result = await db.execute<{ empty: boolean }>(
    sql`select not exists (select 1 from staff_users) as empty`,
  );
  return result.rows[0]?.empty ?? true;
}

function printSignInHelp(kind: 'embedded' | 'postgres') {
  if (kind !== 'embedded') return;
  const lines = DEMO_STAFF.map((m) => `    ${m.role.padEnd(8)} ${m.email}`);
  console.log(
    [
      '',
      '  Customer Console is using the embedded database with demo data. Sign in with:',
      ...lines,
      `    password  ${DEMO_PASSWORD}`,
      '',
    ].join('\n'),
  );
}
