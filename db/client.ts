import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { Client, Pool } from 'pg';
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

/**
 * Receives a channel's NOTIFY payloads. `onLive(false)` means notifications may have been
 * missed (the listening connection is down or not yet listening): drop whatever they guard.
 */
export type ChannelHandlers = {
  onNotify: (payload: string) => void;
  onLive: (live: boolean) => void;
};

type Handle = {
  db: Database;
  kind: 'postgres' | 'embedded';
  location: string;
  /** LISTENs on a channel for the life of the process (one dedicated connection in all). */
  listen: (channel: string, handlers: ChannelHandlers) => void;
  close: () => Promise<void>;
};

/**
 * Listeners told of every statement the app sends (through Drizzle). Tests use it to pin the
 * number of statements per request; with no listener it costs a loop over an empty set.
 */
const queryListeners = new Set<(query: string) => void>();
const logger = { logQuery: (query: string) => queryListeners.forEach((listen) => listen(query)) };

/** Calls `listener` with the text of every statement until the returned function is called. */
export function observeQueries(listener: (query: string) => void): () => void {
  queryListeners.add(listener);
  return () => queryListeners.delete(listener);
}

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
    const listener = new Listener(url);
    return {
      db: drizzlePg(pool, { schema, logger }),
      kind: 'postgres',
      location: redactUrl(url),
      listen: (channel, handlers) => listener.add(channel, handlers),
      close: async () => {
        listener.stop();
        await pool.end();
      },
    };
  }
  const dir = embeddedDataDir();
  if (!isInMemory(dir)) lockDataDir(dir);
  const client = new PGlite(dir, { extensions: { pg_trgm } });
  return {
    db: drizzlePglite(client, { schema, logger }) as unknown as Database,
    kind: 'embedded',
    location: dir,
    // One process owns the data folder (see lockDataDir), so every NOTIFY comes from this
    // process and PGlite delivers it here; nothing can be missed.
    listen: (channel, { onNotify, onLive }) => {
      client.listen(channel, onNotify).then(
        () => onLive(true),
        (error: unknown) => console.error(`LISTEN ${channel} failed: ${String(error)}`),
      );
    },
    close: () => client.close(),
  };
}

/**
 * One dedicated connection (outside the pool) LISTENing on every channel asked for. When it
 * drops, every channel is told it is not live, and it reconnects after a second.
 */
class Listener {
  private readonly channels = new Map<string, ChannelHandlers[]>();
  private client: Client | null = null;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;

  constructor(private readonly url: string) {}

  add(channel: string, handlers: ChannelHandlers) {
    const list = this.channels.get(channel) ?? [];
    list.push(handlers);
    this.channels.set(channel, list);
    if (!this.client) return this.connect();
    // A failed LISTEN means a broken connection: its 'error' handler reconnects and re-listens.
    this.client.query(`LISTEN "${channel}"`).then(
      () => handlers.onLive(true),
      () => {},
    );
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.retry);
    void this.client?.end().catch(() => {});
    this.client = null;
  }

  private connect() {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.url, connectionTimeoutMillis: 5_000 });
    this.client = client;
    const lost = () => {
      if (this.client !== client) return;
      this.client = null;
      this.each((handlers) => handlers.onLive(false));
      void client.end().catch(() => {});
      if (!this.stopped) this.retry = setTimeout(() => this.connect(), 1_000).unref();
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', ({ channel, payload }) => {
      for (const handlers of this.channels.get(channel) ?? []) handlers.onNotify(payload ?? '');
    });
    client
      .connect()
      .then(async () => {
        for (const channel of this.channels.keys()) await client.query(`LISTEN "${channel}"`);
        if (this.client === client) this.each((handlers) => handlers.onLive(true));
      })
      .catch(lost);
  }

  private each(visit: (handlers: ChannelHandlers) => void) {
    for (const list of this.channels.values()) list.forEach(visit);
  }
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
