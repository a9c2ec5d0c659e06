// The three things done to each bench database: capture one request per endpoint through the
// wire tap, load the endpoints between ceiling runs, and replay the captured SQL (the floor).
import { captureRequests, createReplacements } from './capture.mjs';
import { csvExportMemory, firstLoadJs } from './extras.mjs';
import { measure, preflight } from './load.mjs';
import { deepCursor, scenarios } from './scenarios.mjs';
import { serverMemory, signIn, startServer, stopServer } from './server.mjs';
import { measureFloor, slowStatementPlans } from './sql-floor.mjs';
import { startWiretap } from './wiretap.mjs';

export const log = (line) => console.log(`▶ ${line}`);

/** Taps still open, so an interrupted run can close them. */
export const openTaps = new Set();

function printResult(scenario, result) {
  const failed = result.failure ? '  ← FAILED' : '';
  console.log(
    `    ${scenario.label.padEnd(58)} ${result.rps.toFixed(0).padStart(6)} req/s  p50 ${result.p50.toFixed(1).padStart(6)}  p95 ${result.p95.toFixed(1).padStart(6)}  p99 ${result.p99.toFixed(1).padStart(6)} ms${failed}`,
  );
  if (result.failure) {
    console.error(
      `\n  ✖ ${scenario.label}: responses that were not 2xx, or errors/timeouts:\n    ${JSON.stringify(result.failure)}\n`,
    );
  }
}

/**
 * A server whose database connection runs through the wire tap: one checked request per
 * endpoint, and the statements each sent. Also gets the deep cursor the load will use.
 */
export async function capturePhase({ database, apiKey, data, runTag, keys }) {
  const tap = await startWiretap(database.url);
  openTaps.add(tap);
  try {
    const server = await startServer({ databaseUrl: tap.url, label: `capture-${database.name}` });
    try {
      const cookie = await signIn(server);
      const cursor = await deepCursor(server, apiKey, data.deep);
      const list = scenarios({ data, apiKey, cookie, cursor, runTag }).filter((s) =>
        keys.includes(s.key),
      );
      return { cursor, list, captures: await captureRequests(server, tap, list) };
    } finally {
      await stopServer(server);
    }
  } finally {
    openTaps.delete(tap);
    await tap.close();
  }
}

/**
 * The load on a server connected straight to the database: a ceiling run first and after every
 * endpoint, so each endpoint is compared with the machine as it was around its own run.
 */
export async function loadPhase({
  database,
  apiKey,
  data,
  cursor,
  runTag,
  keys,
  loadOptions,
  measureExtras = false,
}) {
  const server = await startServer({ databaseUrl: database.url, label: `load-${database.name}` });
  try {
    const cookie = await signIn(server);
    const byKey = new Map(
      scenarios({ data, apiKey, cookie, cursor, runTag }).map((s) => [s.key, s]),
    );
    for (const key of ['ceiling', ...keys]) {
      if (!byKey.get(key).write) await preflight(server, byKey.get(key));
    }
    const ceiling = byKey.get('ceiling');
    const runCeiling = async () => {
      const result = await measure(server, ceiling, loadOptions);
      printResult(ceiling, result);
      return result;
    };
    const ceilings = [await runCeiling()];
    const results = new Map();
    for (const key of keys) {
      const result = await measure(server, byKey.get(key), loadOptions);
      printResult(byKey.get(key), result);
      const after = await runCeiling();
      result.ceilingRps = (ceilings.at(-1).rps + after.rps) / 2;
      result.ratio = result.rps / result.ceilingRps;
      ceilings.push(after);
      results.set(key, result);
    }
    const memory = serverMemory(server);
    // After the load and its memory reading, so neither disturbs them.
    const extras = measureExtras ? await dashboardAndExport(server, cookie) : null;
    return { results, ceilings, memory, extras };
  } finally {
    await stopServer(server);
  }
}

async function dashboardAndExport(server, cookie) {
  const js = await firstLoadJs(server, cookie);
  console.log(
    `    First Load JS of /customers: ${(js.gzipBytes / 1024).toFixed(1)} kB gzipped (${js.files} scripts)`,
  );
  const csv = await csvExportMemory(server, cookie);
  console.log(
    `    CSV export: ${csv.rows.toLocaleString('en-US')} rows in ${csv.seconds.toFixed(1)} s, server RSS ${(csv.rssBeforeKb / 1024).toFixed(0)} → peak ${(csv.rssPeakKb / 1024).toFixed(0)} MiB (+${(csv.growthKb / 1024).toFixed(0)} MiB)`,
  );
  return { js, csv };
}

/** The SQL floor (and the plans of slow reads) of each captured endpoint in `keys`. */
export async function floorPhase({ database, captures, scenarioList, keys, floorRuns, runTag }) {
  const floors = new Map();
  for (const scenario of scenarioList.filter((s) => keys.includes(s.key))) {
    const capture = captures.get(scenario.key);
    if (!capture) continue;
    const entry = { floor: null, plans: [] };
    try {
      entry.floor = await measureFloor(database.url, capture.statements, {
        runs: floorRuns,
        replacements: scenario.key === 'create' ? createReplacements(capture, runTag) : undefined,
      });
      if (!scenario.write)
        entry.plans = await slowStatementPlans(database.url, capture, entry.floor);
    } catch (error) {
      entry.floor = { error: error.message };
    }
    console.log(
      `    ${scenario.label.padEnd(58)} ${capture.statements.length} statements, floor ${entry.floor.error ? `error: ${entry.floor.error}` : `${entry.floor.medianMs.toFixed(2)} ms (${entry.floor.runs} runs)`}`,
    );
    floors.set(scenario.key, entry);
  }
  return floors;
}
