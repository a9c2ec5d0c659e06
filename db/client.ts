import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { Pool } from 'pg';
import * as schema from './schema';
import { embeddedDataDir, isInMemory, lockDataDir } from './embedded';

/**
 * One database for the whole process. With DATABASE_URL: a node-postgres pool to a real server.
 * Without: PGlite (embedded PostgreSQL) in a local folder. Same schema, migrations and queries.
 *
 * Both drivers build the same Drizzle PgDatabase; we type it as the node-postgres flavour so
 * call sites have one concrete type (`execute()` returns `{ rows }` from either driver).
 */
export type Database = NodePgDatabase<typeof schema>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Something queries can run on: the database itself or an open transaction. */
export type Queryable = Database | Transaction;

type Handle = {
  db: Database;
  kind: 'postgres' | 'embedded';
  location: string;
  close: () => Promise<void>;
};

// Next loads a module more than once per process (pages and route handlers are separate
// bundles); keeping the handle on globalThis gives the process one connection pool.
const holder = globalThis as typeof globalThis & { __customerConsoleDb?: Handle };

function open(): Handle {
  const url = process.env.DATABASE_URL;
  if (url) {
    const pool = new Pool({
      connectionString: url,
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      connectionTimeoutMillis: 5_000,
    });
    // An idle client that loses its server must not crash the process.
    pool.on('error', (error) => console.error(`database pool error: ${error.message}`));
    return {
      db: drizzlePg(pool, { schema }),
      kind: 'postgres',
      location: redactUrl(url),
      close: () => pool.end(),
    };
  }
  const dir = embeddedDataDir();
  if (!isInMemory(dir)) lockDataDir(dir);
  const client = new PGlite(dir, { extensions: { pg_trgm } });
  return {
    db: drizzlePglite(client, { schema }) as unknown as Database,
    kind: 'embedded',
    location: dir,
    close: () => client.close(),
  };
}

export function databaseHandle(): Handle {
  holder.__customerConsoleDb ??= open();
  return holder.__customerConsoleDb;
}

export async function closeDatabase(): Promise<void> {
  const handle = holder.__customerConsoleDb;
  holder.__customerConsoleDb = undefined;
  await handle?.close();
}

/**
 * The app's database, opened on first use rather than at import, so `next build` (which
 * imports every route) never opens or locks the embedded data folder.
 */
export const db: Database = new Proxy({} as Database, {
  get(_target, property) {
    const real = databaseHandle().db;
    const value: unknown = Reflect.get(real, property, real);
    return typeof value === 'function' ? value.bind(real) : value;
  },
});

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}
