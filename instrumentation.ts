/**
 * Runs once when the server starts, before it answers any request: the embedded database is
 * created, migrated and seeded here; a real server is checked for reachability and migrations.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { prepareDatabase } = await import('./db/prepare');
  await prepareDatabase();
}
