import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';

/** Test databases on the DATABASE_URL server: one migrated template per run, a copy per test file. */
export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export async function createMigratedDatabase(url: string, name: string): Promise<void> {
  await adminQuery(url, `create database "${name}"`);
  const pool = new pg.Pool({ connectionString: withDatabase(url, name), max: 1 });
  try {
    await migrate(drizzle(pool), {
      migrationsFolder: path.join(process.cwd(), 'db', 'migrations'),
    });
  } finally {
    await pool.end();
  }
}

export async function dropDatabase(url: string, name: string): Promise<void> {
  await adminQuery(url, `drop database if exists "${name}" with (force)`);
}

export function randomSuffix(): string {
  return randomBytes(4).toString('hex');
}
