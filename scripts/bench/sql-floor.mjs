// The SQL floor: the very statements one request sent (captured by the wire tap, parameters
// included), replayed directly with node-postgres on the same database, one after another on
// one connection. Its median is what the database alone costs per request.
import pg from 'pg';
import { percentile } from './load.mjs';

/** Writes of `last_used_at` happen once a minute per key, not per request. */
const BACKGROUND = /^update "api_keys" set "last_used_at"/i;

/** The statements that belong to the request, in order. */
export function requestStatements(events) {
  return events.filter(
    (event) => (event.kind === 'simple' || event.kind === 'bound') && !BACKGROUND.test(event.text),
  );
}

/** A short one-line shape of a statement for the report. */
export function statementShape(text, width = 110) {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
}

function substitute(value, replacements) {
  if (typeof value !== 'string') return value;
  let out = value;
  for (const [from, to] of replacements) out = out.split(from).join(to);
  return out;
}

function toQuery(statement, replacements) {
  if (statement.kind === 'simple') return { text: statement.text };
  const values = statement.values.map((value) => substitute(value, replacements));
  // Named statements stay named, so the server plans them the way it plans the app's.
  return statement.name
    ? { name: `floor_${statement.name}`, text: statement.text, values }
    : { text: statement.text, values };
}

/**
 * Replays `statements` up to `runs` times (at least 20, at most `budgetMs` of wall time after
 * that) and returns the median per request and per statement. `replacements(i)` gives string
 * substitutions for run i (a create needs a new id and email every time).
 */
export async function measureFloor(
  url,
  statements,
  { runs, budgetMs = 15_000, replacements = () => [] },
) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const totals = [];
  const perStatement = statements.map(() => []);
  const started = performance.now();
  try {
    for (let i = 0; i < runs; i++) {
      if (i >= 20 && performance.now() - started > budgetMs) break;
      const swaps = replacements(i);
      const begin = performance.now();
      for (const [k, statement] of statements.entries()) {
        const t = performance.now();
        try {
          await client.query(toQuery(statement, swaps));
        } catch (error) {
          await client.query('rollback').catch(() => undefined);
          throw new Error(
            `replaying "${statementShape(statement.text, 80)}" failed: ${error.message}`,
          );
        }
        perStatement[k].push(performance.now() - t);
      }
      totals.push(performance.now() - begin);
    }
  } finally {
    await client.end();
  }
  const median = (values) =>
    percentile(
      [...values].sort((a, b) => a - b),
      50,
    );
  return {
    runs: totals.length,
    medianMs: median(totals),
    statements: statements.map((statement, k) => ({
      shape: statementShape(statement.text),
      medianMs: median(perStatement[k]),
    })),
  };
}

/** EXPLAIN (ANALYZE, BUFFERS) of a captured read statement, as text. */
export async function explain(url, statement) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query({
      text: `explain (analyze, buffers) ${statement.text}`,
      values: statement.values,
    });
    return result.rows.map((row) => row['QUERY PLAN']).join('\n');
  } finally {
    await client.end();
  }
}

/** Plans of an endpoint's slowest read statements (1 ms or more in the floor), two at most. */
export async function slowStatementPlans(url, capture, floor) {
  const ranked = floor.statements
    .map((timing, k) => ({ ...timing, statement: capture.statements[k] }))
    .filter((s) => s.statement.kind === 'bound' && /^\s*(select|with)\b/i.test(s.statement.text))
    .filter((s) => s.medianMs >= 1)
    .sort((a, b) => b.medianMs - a.medianMs)
    .slice(0, 2);
  const plans = [];
  for (const s of ranked) {
    plans.push({ shape: s.shape, medianMs: s.medianMs, text: await explain(url, s.statement) });
  }
  return plans;
}

/** The indexes a plan reads, with how (`Index Scan Backward`, `Bitmap Index Scan`, …). */
export function indexesIn(plan) {
  const found = plan.matchAll(
    /(Bitmap Index Scan on|Index (?:Only )?Scan(?: Backward)? using) (\S+)/g,
  );
  return [...new Set([...found].map((m) => `${m[2]} (${m[1].replace(/ (on|using)$/, '')})`))];
}
