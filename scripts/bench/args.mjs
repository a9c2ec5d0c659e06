// Command-line options of `npm run bench`.
import { parseArgs } from 'node:util';

export const HELP = `Usage: npm run bench -- [options]

Load-tests the production build against a seeded PostgreSQL database and writes BENCHMARKS.md.
Needs DATABASE_URL: a PostgreSQL server whose user may create databases; the run makes its
own databases (cc_bench_<N> and cc_bench_10000) there and drops them at the end.

  --customers N        customers in the main database (default 1,000,000)
  --duration S         measured seconds per endpoint (default 10)
  --warmup S           unmeasured warm-up seconds per endpoint (default 3)
  --connections C      concurrent connections per endpoint (default 10)
  --floor-runs R       executions of each endpoint's SQL for the SQL floor (default 200)
  --growth-customers G the small database of the growth check (default 10,000; 0 skips it)
  --skip-seed          reuse cc_bench_<N> (and the growth database) when they already exist
  --skip-build         reuse the build in .next-bench
  --keep               keep the bench databases at the end (needed for a later --skip-seed)
  --only KEYS          load only these endpoints, comma-separated (ceiling is always loaded):
                       first-page, email, type-status, q-common, q-rare, cursor-deep,
                       offset-deep, get, balances, dashboard, create, update
  --out FILE           where the report goes (default BENCHMARKS.md)
  --help               show this text`;

export class UsageError extends Error {}

function whole(value, name, fallback, { min = 0, max = Number.MAX_SAFE_INTEGER } = {}) {
  if (value === undefined) return fallback;
  const normalised = String(value).replace(/[_,]/g, '');
  const n = Number(normalised);
  if (!/^\d+$/.test(normalised) || n < min || n > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${value}"`);
  }
  return n;
}

export function readArgs(argv = process.argv.slice(2)) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        customers: { type: 'string' },
        duration: { type: 'string' },
        warmup: { type: 'string' },
        connections: { type: 'string' },
        'floor-runs': { type: 'string' },
        'growth-customers': { type: 'string' },
        'skip-seed': { type: 'boolean', default: false },
        'skip-build': { type: 'boolean', default: false },
        keep: { type: 'boolean', default: false },
        out: { type: 'string' },
        only: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError(`${error.message} (see --help)`);
  }
  return {
    help: values.help,
    customers: whole(values.customers, 'customers', 1_000_000, { min: 100, max: 20_000_000 }),
    duration: whole(values.duration, 'duration', 10, { min: 1, max: 600 }),
    warmup: whole(values.warmup, 'warmup', 3, { min: 0, max: 120 }),
    connections: whole(values.connections, 'connections', 10, { min: 1, max: 1000 }),
    floorRuns: whole(values['floor-runs'], 'floor-runs', 200, { min: 1, max: 100_000 }),
    growthCustomers: whole(values['growth-customers'], 'growth-customers', 10_000, {
      max: 20_000_000,
    }),
    skipSeed: values['skip-seed'],
    skipBuild: values['skip-build'],
    keep: values.keep,
    out: values.out ?? 'BENCHMARKS.md',
    only: values.only
      ? values.only
          .split(',')
          .map((key) => key.trim())
          .filter(Boolean)
      : null,
  };
}
