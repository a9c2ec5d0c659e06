// The bench databases: create, migrate and seed them with the project's own commands, and the
// API key the load uses.
import pg from 'pg';
import { UsageError } from './args.mjs';
import { run } from './exec.mjs';

const TSX = ['tsx', '--conditions=react-server'];

export function requireDatabaseUrl() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new UsageError(
      'DATABASE_URL is not set. The benchmark needs a PostgreSQL server on which it may create ' +
        'databases, e.g.\n  DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench',
    );
  }
  try {
    new URL(url);
  } catch {
    throw new UsageError('DATABASE_URL is not a URL (postgres://user:pass@host:5432/db).');
  }
  return url;
}

export function benchDatabaseName(customers) {
  return `cc_bench_${customers}`;
}

/** The same server and credentials, another database. */
export function databaseUrl(baseUrl, name) {
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Statements that cannot run inside the database they act on go through `postgres`. */
function admin(baseUrl, statement, values) {
  return withClient(databaseUrl(baseUrl, 'postgres'), (client) => client.query(statement, values));
}

async function databaseExists(baseUrl, name) {
  const result = await admin(baseUrl, 'select 1 from pg_database where datname = $1', [name]);
  return result.rowCount > 0;
}

export async function dropDatabase(baseUrl, name) {
  await admin(baseUrl, `drop database if exists "${name}" with (force)`);
}

/** Live customers according to the trigger-kept counters; null when the schema is missing. */
async function seededCustomers(url) {
  try {
    return await withClient(url, async (client) => {
      const result = await client.query(
        'select coalesce(sum(count), 0)::bigint as n from customer_counts',
      );
      return Number(result.rows[0].n);
    });
  } catch {
    return null;
  }
}

/**
 * `cc_bench_<N>` migrated and seeded with N customers. With `reuse`, an existing database that
 * already holds at least N customers is kept as it is; anything else is dropped and rebuilt.
 */
export async function prepareBenchDatabase({ baseUrl, customers, reuse, log, onCreate }) {
  const name = benchDatabaseName(customers);
  const url = databaseUrl(baseUrl, name);
  onCreate(name); // before anything is created, so an interrupted run still cleans it up
  if (reuse && (await databaseExists(baseUrl, name))) {
    const present = await seededCustomers(url);
    if (present !== null && present >= customers) {
      log(`reusing ${name} (${present.toLocaleString('en-US')} customers)`);
      return { name, url, reused: true, seed: null };
    }
    log(`${name} exists but is not a finished seed: rebuilding it`);
  }
  await dropDatabase(baseUrl, name);
  await admin(baseUrl, `create database "${name}"`);
  const env = { ...process.env, DATABASE_URL: url };
  log(`migrating ${name}`);
  await run('npx', [...TSX, 'db/migrate.ts'], { env, quiet: true, label: 'db:migrate' });
  log(`seeding ${name} with ${customers.toLocaleString('en-US')} customers`);
  const seeded = await run(
    'npm',
    ['run', '--silent', 'db:seed', '--', '--customers', String(customers)],
    {
      env,
      label: 'db:seed',
    },
  );
  const reported = seeded.output.match(/Done in ([\d.]+) s/);
  return {
    name,
    url,
    reused: false,
    // Wall time of `npm run db:seed` (process start included) and the seed's own figure.
    seed: { seconds: seeded.seconds, reportedSeconds: reported ? Number(reported[1]) : null },
  };
}

/**
 * A freshly bulk-loaded table has no visibility map and no hint bits, so autovacuum would
 * start on it in the middle of the measurements; running it first gives every endpoint the
 * steady state a production table is in.
 */
export async function vacuumAnalyze(url) {
  const started = performance.now();
  await withClient(url, (client) =>
    client.query(
      'vacuum (analyze) customers, wallets, wallet_balances, ledger_entries, customer_counts',
    ),
  );
  return (performance.now() - started) / 1000;
}

/** A new test-mode key from the project's CLI; the secret is the line shaped like one. */
export async function createApiKey(url) {
  const { output } = await run('npx', [...TSX, 'scripts/api-key.ts', 'create', 'bench'], {
    env: { ...process.env, DATABASE_URL: url },
    quiet: true,
    label: 'api-key create',
  });
  const secret = output.match(/\bsk_(?:test|live)_[A-Za-z0-9]{32}\b/)?.[0];
  if (!secret) throw new Error(`api-key create printed no secret:\n${output}`);
  return secret;
}

/** Row counts and size, for the report. */
export async function databaseFacts(url) {
  return withClient(url, async (client) => {
    const counts = await client.query(`
      select (select count(*) from customers where deleted_at is null)::bigint as customers,
             (select count(*) from wallets)::bigint as wallets,
             (select count(*) from wallet_balances)::bigint as balances,
             (select count(*) from ledger_entries)::bigint as ledger_entries,
             pg_database_size(current_database())::bigint as bytes,
             version() as version,
             current_setting('shared_buffers') as shared_buffers,
             current_setting('work_mem') as work_mem,
             current_setting('jit') as jit`);
    const row = counts.rows[0];
    return {
      customers: Number(row.customers),
      wallets: Number(row.wallets),
      balances: Number(row.balances),
      ledgerEntries: Number(row.ledger_entries),
      bytes: Number(row.bytes),
      version: row.version,
      settings: { shared_buffers: row.shared_buffers, work_mem: row.work_mem, jit: row.jit },
    };
  });
}
