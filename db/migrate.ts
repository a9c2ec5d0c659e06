import { closeDatabase, databaseHandle } from './client';
import { DatabaseStartupError, migrateDatabase } from './migrator';

/** `npm run db:migrate`: apply every pending migration to DATABASE_URL (or the embedded folder). */
try {
  await migrateDatabase();
  console.log(`Migrations applied to ${databaseHandle().location}.`);
  await closeDatabase();
} catch (error) {
  console.error(error instanceof DatabaseStartupError ? error.message : String(error));
  process.exit(1);
}
