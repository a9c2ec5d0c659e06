#!/usr/bin/env node
// `npm run bench`: seeds its own databases, builds and starts the production server, loads
// every endpoint with autocannon, measures the SQL floor, and writes BENCHMARKS.md. See
// `--help` and BENCHMARKS.md.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { HELP, readArgs, UsageError } from './args.mjs';
import {
  createApiKey,
  databaseFacts,
  dropDatabase,
  prepareBenchDatabase,
  requireDatabaseUrl,
  vacuumAnalyze,
} from './database.mjs';
import { killChildren } from './exec.mjs';
import { embeddedFirstStart } from './extras.mjs';
import { capturePhase, floorPhase, loadPhase, log, openTaps } from './phases.mjs';
import { growthTable, loadAverage, machineInfo, resultsTable, writeReport } from './report.mjs';
import { GROWTH_KEYS, LOAD_ORDER, pickBenchData } from './scenarios.mjs';
import {
  DIST_DIR,
  assertBuilt,
  buildApp,
  killAllServersNow,
  serverLogs,
  stopAllServers,
} from './server.mjs';

const RAW_RESULTS = path.join(DIST_DIR, 'bench-results.json');
/** Captured parameters and response bodies are not needed in the raw file. */
const rawReplacer = (key, value) => (key === 'values' || key === 'answer' ? undefined : value);
const cleanup = { databases: [], keep: false, baseUrl: null, failed: true };

let cleaning = null;
/** Once, whichever comes first: the end of the run or a signal. */
const cleanUp = () => (cleaning ??= cleanUpOnce());

async function cleanUpOnce() {
  killChildren();
  await stopAllServers();
  for (const tap of openTaps) await tap.close().catch(() => undefined);
  const logs = serverLogs({ keep: cleanup.failed });
  if (logs) log(`server logs kept in ${logs}`);
  if (cleanup.keep) {
    if (cleanup.databases.length) log(`kept ${cleanup.databases.join(', ')} (--keep)`);
    return;
  }
  for (const name of cleanup.databases.splice(0)) {
    await dropDatabase(cleanup.baseUrl, name).catch((error) =>
      console.error(`could not drop ${name}: ${error.message}`),
    );
    log(`dropped ${name}`);
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping servers and cleaning up …`);
    cleanUp().finally(() => process.exit(130));
  });
}
process.once('exit', () => {
  killChildren();
  killAllServersNow();
});

/** The run nearest the median, so the ceiling row shows one real run. */
function medianRun(runs) {
  const sorted = [...runs].sort((a, b) => a.rps - b.rps);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

async function main() {
  const options = readArgs();
  if (options.help) {
    console.log(HELP);
    return 0;
  }
  const unknown = options.only?.filter((key) => !LOAD_ORDER.includes(key));
  if (unknown?.length) throw new UsageError(`--only: unknown endpoint(s) ${unknown.join(', ')}`);
  const baseUrl = requireDatabaseUrl();
  cleanup.baseUrl = baseUrl;
  cleanup.keep = options.keep;
  const runTag = randomBytes(3).toString('hex');
  const loadBefore = loadAverage();
  const machine = machineInfo();
  const loadOptions = {
    duration: options.duration,
    warmup: options.warmup,
    connections: options.connections,
  };

  // 1. Databases, data and keys (the small one first: it is the cheap one to fail on).
  const growthOn = options.growthCustomers > 0 && options.growthCustomers < options.customers;
  const small = growthOn
    ? await prepareBenchDatabase({
        baseUrl,
        customers: options.growthCustomers,
        reuse: options.skipSeed,
        log,
        onCreate: (name) => cleanup.databases.push(name),
      })
    : null;
  const large = await prepareBenchDatabase({
    baseUrl,
    customers: options.customers,
    reuse: options.skipSeed,
    log,
    onCreate: (name) => cleanup.databases.push(name),
  });
  if (large.seed) log(`seeded in ${large.seed.seconds.toFixed(1)} s`);
  log('vacuum (analyze) of the seeded tables');
  const vacuumSeconds = await vacuumAnalyze(large.url);
  if (small) await vacuumAnalyze(small.url);
  const apiKey = await createApiKey(large.url);
  const data = await pickBenchData(large.url, { customers: options.customers });
  log(
    `search terms: common "${data.commonTerm}" (${data.commonMatches} matches), rare "${data.rareTerm}" (${data.rareMatches})`,
  );

  // 2. The production build.
  if (options.skipBuild) assertBuilt();
  else {
    log('building (next build, compile + generate) …');
    const built = await buildApp();
    log(`built in ${built.seconds.toFixed(0)} s`);
  }
  const keys = options.only ?? LOAD_ORDER;
  const reads = keys.filter((key) => !['create', 'update'].includes(key));
  const writes = keys.filter((key) => !reads.includes(key));

  // 3. One request per endpoint through the wire tap, then the SQL floor of the reads while
  //    the database is as the read load will find it (replaying the writes changes it).
  log('capturing the statements of one request per endpoint');
  const { cursor, captures, list } = await capturePhase({
    database: large,
    apiKey,
    data,
    runTag,
    keys: ['ceiling', ...keys],
  });
  const floorInput = {
    database: large,
    captures,
    floorRuns: options.floorRuns,
    runTag,
    scenarioList: list,
  };
  log(`SQL floor of the reads (up to ${options.floorRuns} runs each)`);
  const floors = await floorPhase({ ...floorInput, keys: reads });

  // 4. The load, on a server connected straight to the database; then the writes' floor.
  log(
    `loading each endpoint (${options.warmup} s warm-up + ${options.duration} s measured, ${options.connections} connections, a ceiling run before and after each)`,
  );
  const main = await loadPhase({
    database: large,
    apiKey,
    data,
    cursor,
    runTag,
    keys,
    loadOptions,
    measureExtras: true,
  });
  log('SQL floor of the writes');
  for (const [key, entry] of await floorPhase({ ...floorInput, keys: writes })) {
    floors.set(key, entry);
  }
  const { results, ceilings, memory, extras } = main;
  log('embedded first start: no DATABASE_URL, an empty data folder');
  extras.embedded = await embeddedFirstStart();
  console.log(`    ready in ${extras.embedded.seconds.toFixed(1)} s`);
  log(
    `server RSS after the load: ${(memory.serving.rssKb / 1024).toFixed(0)} MiB (${memory.serving.name}, pid ${memory.serving.pid})`,
  );
  const ceilingRun = medianRun(ceilings);

  // 5. Growth: the same reads, captured, loaded and floored on the small database.
  let growth = null;
  const growthKeys = GROWTH_KEYS.filter((key) => results.has(key));
  if (small && growthKeys.length) {
    log(`growth: the same reads on ${options.growthCustomers.toLocaleString('en-US')} customers`);
    const smallKey = await createApiKey(small.url);
    const smallData = await pickBenchData(small.url, { customers: options.growthCustomers });
    const smallCapture = await capturePhase({
      database: small,
      apiKey: smallKey,
      data: smallData,
      runTag,
      keys: ['ceiling', ...growthKeys],
    });
    const smallRuns = await loadPhase({
      database: small,
      apiKey: smallKey,
      data: smallData,
      cursor: smallCapture.cursor,
      runTag,
      keys: growthKeys,
      loadOptions,
    });
    const smallFloors = await floorPhase({
      database: small,
      captures: smallCapture.captures,
      floorRuns: options.floorRuns,
      runTag,
      scenarioList: smallCapture.list,
      keys: growthKeys,
    });
    growth = {
      small: options.growthCustomers,
      large: options.customers,
      smallCeilings: smallRuns.ceilings.map((c) => c.rps),
      rows: growthKeys.map((key) => ({
        key,
        label: {
          'first-page': 'first page',
          email: '?email=',
          'cursor-deep': `cursor page (${smallData.deep.toLocaleString('en-US')} vs ${data.deep.toLocaleString('en-US')} rows deep)`,
        }[key],
        smallResult: smallRuns.results.get(key),
        largeResult: results.get(key),
        smallFloor: smallFloors.get(key)?.floor,
        largeFloor: floors.get(key)?.floor,
      })),
    };
  }

  const rows = list
    .filter((s) => s.key === 'ceiling' || results.has(s.key))
    .map((scenario) => {
      const capture = captures.get(scenario.key);
      const result = scenario.key === 'ceiling' ? ceilingRun : results.get(scenario.key);
      return {
        key: scenario.key,
        label: scenario.label,
        target: scenario.target,
        result,
        ratio: scenario.key === 'ceiling' ? 1 : result.ratio,
        ceilingRps: scenario.key === 'ceiling' ? result.rps : result.ceilingRps,
        capture,
        statementCount: capture?.statements.length ?? 0,
        floor: floors.get(scenario.key)?.floor ?? null,
        plans: floors.get(scenario.key)?.plans ?? [],
      };
    });

  // 7. The report.
  const database = await databaseFacts(large.url);
  const report = {
    date: new Date().toISOString(),
    machine,
    options,
    database,
    seed: large.seed,
    vacuumSeconds,
    rows,
    ceilings: { runs: ceilings.map((c) => c.rps), median: ceilingRun.rps },
    growth,
    memory,
    extras,
    data,
    loadBefore,
    loadAfter: loadAverage(),
  };
  // The raw numbers first: a run takes long, and the report is only their rendering.
  fs.writeFileSync(RAW_RESULTS, JSON.stringify(report, rawReplacer, 1));
  await writeReport(options.out, report);
  console.log(`\n${resultsTable(rows)}\n`);
  if (growth) console.log(`${growthTable(growth)}\n`);
  console.log(
    `Server RSS ${(memory.serving.rssKb / 1024).toFixed(0)} MiB = ${((memory.serving.rssKb * 1024) / 1e6).toFixed(0)} MB (target ≤ 500 MB); seeding ${large.seed ? `${large.seed.seconds.toFixed(1)} s` : 'reused'}.`,
  );
  log(`wrote ${options.out}`);

  const failed = [
    ...results.values(),
    ...ceilings,
    ...(growth?.rows.map((r) => r.smallResult) ?? []),
  ].filter((r) => r.failure);
  cleanup.failed = failed.length > 0;
  if (failed.length) {
    console.error(
      `\n✖ ${failed.length} load run(s) had non-2xx responses or errors: see above. The numbers of those rows are not valid.`,
    );
    return 1;
  }
  return 0;
}

let status = 1;
try {
  status = await main();
} catch (error) {
  console.error(`\n✖ ${error instanceof UsageError ? error.message : (error.stack ?? error)}`);
  status = error instanceof UsageError ? 2 : 1;
} finally {
  await cleanUp();
}
process.exit(status);
