import { afterAll, beforeAll, inject } from 'vitest';
import { adminQuery, dropDatabase, randomSuffix, withDatabase } from './databases';

/** Gives this test file a fresh, migrated database of its own and removes it afterwards. */
const template = inject('templateDatabase');
const serverUrl = process.env.TEST_SERVER_URL ?? process.env.DATABASE_URL;
let fileDatabase: string | null = null;

if (template && serverUrl) {
  process.env.TEST_SERVER_URL = serverUrl;
  fileDatabase = `cc_test_${randomSuffix()}${randomSuffix()}`;
  await adminQuery(serverUrl, `create database "${fileDatabase}" template "${template}"`);
  process.env.DATABASE_URL = withDatabase(serverUrl, fileDatabase);
} else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DIR = 'memory://';
}
process.env.SANDBOX ??= 'true';
// Property tests send hundreds of requests a second with one key; the limiter has its own test.
process.env.API_RATE_LIMIT ??= '100000';

beforeAll(async () => {
  if (fileDatabase) return;
  const { migrateDatabase } = await import('@/db/migrator');
  await migrateDatabase();
});

afterAll(async () => {
  const { closeDatabase } = await import('@/db/client');
  await closeDatabase();
  if (fileDatabase && serverUrl) await dropDatabase(serverUrl, fileDatabase);
});
