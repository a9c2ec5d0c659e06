import path from 'node:path';
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { databaseHandle } from './client';

export const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

/** A start-up problem worth one clear line to the operator, not a stack trace. */
export class DatabaseStartupError extends Error {}

export async function migrateDatabase(): Promise<void> {
  const handle = databaseHandle();
  try {
    if (handle.kind === 'embedded') {
      await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder });
    } else {
      await migratePg(handle.db, { migrationsFolder });
    }
  } catch (error) {
    throw new DatabaseStartupError(
      `Migrating the database at ${handle.location} failed: ${describeDatabaseError(error)}`,
    );
  }
}

/** For a real server the operator runs `npm run db:migrate`; start-up only checks it was done. */
export async function assertMigrated(): Promise<void> {
  const handle = databaseHandle();
  let applied: number;
  try {
    const result = await handle.db.execute<{ n: number }>(
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    applied = result.rows[0]?.n ?? 0;
  } catch (error) {
    if (/__drizzle_migrations|schema "drizzle"/.test(describeDatabaseError(error))) applied = 0;
    else
      throw new DatabaseStartupError(
        `Cannot reach the database at ${handle.location}: ${describeDatabaseError(error)}`,
      );
  }
  const journal = JSON.parse(
    fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8'),
  ) as { entries: unknown[] };
  if (applied < journal.entries.length) {
    throw new DatabaseStartupError(
      `The database at ${handle.location} has ${applied} of ${journal.entries.length} migrations applied: run \`npm run db:migrate\` first.`,
    );
  }
}

export function describeDatabaseError(error: unknown): string {
  const seen = new Set<unknown>();
  let current: unknown = error;
  const parts: string[] = [];
  while (current instanceof Error && !seen.has(current)) {
    seen.add(current);
    const code = (current as { code?: string }).code;
    const message = current.message.split('\n')[0] ?? '';
    if (message && !message.startsWith('Failed query'))
      parts.push(code ? `${message} (${code})` : message);
    current = current.cause;
  }
  if (error instanceof AggregateError) {
    for (const inner of error.errors) parts.push(describeDatabaseError(inner));
  }
  return parts.filter(Boolean).join(': ') || String(error);
}
