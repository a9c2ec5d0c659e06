// One request per endpoint against a server whose database connection runs through the wire
// tap: proves each endpoint answers 2xx with a plausible body before any load, and records the
// statements each request sends (for the statement counts and the SQL floor).
import { setTimeout as sleep } from 'node:timers/promises';
import { preflight } from './load.mjs';
import { requestStatements } from './sql-floor.mjs';

/** Time for fire-and-forget statements of a request to reach the tap. */
const SETTLE_MS = 200;

export async function captureRequests(server, tap, list) {
  const captures = new Map();
  for (const scenario of list) {
    // The first call builds whatever is built lazily (prepared statements, bundles, the pool).
    await preflight(server, scenario);
    if (scenario.database === false) continue;
    await sleep(SETTLE_MS);
    const from = tap.events.length;
    const answer = await preflight(server, scenario);
    await sleep(SETTLE_MS);
    const events = tap.since(from);
    const statements = requestStatements(events);
    captures.set(scenario.key, {
      answer,
      statements,
      connections: new Set(statements.map((statement) => statement.connection)).size,
    });
  }
  return captures;
}

/** For the floor of a create: each replay needs its own id and email (both are unique). */
export function createReplacements(capture, runTag) {
  const id = JSON.parse(capture.answer.body).id;
  const email = JSON.parse(capture.answer.request.body).email;
  return (i) => [
    [id, `${id.slice(0, 4)}floor${runTag}${i}`],
    [email, `floor-${runTag}-${i}-${email}`],
  ];
}
