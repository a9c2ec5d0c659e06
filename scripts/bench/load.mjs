// Load generation with autocannon's programmatic API: an unmeasured warm-up, then a measured
// run whose every response time is kept (autocannon's own histogram has whole milliseconds and
// no p95), so percentiles are exact.
import os from 'node:os';
import autocannon from 'autocannon';

/** Request numbers never restart, so a create's email stays unique across warm-up and run. */
const sequences = new Map();

export function nextRequest(scenario) {
  const n = sequences.get(scenario.key) ?? 0;
  sequences.set(scenario.key, n + 1);
  return scenario.request(n);
}

export async function sendOnce(server, scenario) {
  const request = nextRequest(scenario);
  const started = performance.now();
  const response = await fetch(`${server.origin}${request.path}`, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    redirect: 'manual',
  });
  const body = await response.text();
  return { request, status: response.status, body, ms: performance.now() - started };
}

/** One request, checked: a 2xx with a plausible body, or an error that says what came back. */
export async function preflight(server, scenario) {
  const answer = await sendOnce(server, scenario);
  const problem =
    answer.status < 200 || answer.status > 299
      ? `status ${answer.status}`
      : safeCheck(scenario, answer.body);
  if (problem) {
    throw new Error(
      `${scenario.label}: ${problem}\n  ${answer.request.method} ${answer.request.path}\n  ${answer.body.slice(0, 400)}`,
    );
  }
  return answer;
}

function safeCheck(scenario, body) {
  try {
    return scenario.check(body);
  } catch (error) {
    return `unreadable response (${error.message})`;
  }
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

function once(server, scenario, { seconds, connections }) {
  const latencies = [];
  const statuses = {};
  const instance = autocannon({
    url: server.origin,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [{ setupRequest: (request) => ({ ...request, ...nextRequest(scenario) }) }],
  });
  instance.on('response', (_client, status, _bytes, ms) => {
    latencies.push(ms);
    statuses[status] = (statuses[status] ?? 0) + 1;
  });
  return instance.then((result) => {
    latencies.sort((a, b) => a - b);
    const non2xx = Object.entries(statuses)
      .filter(([status]) => status < 200 || status > 299)
      .reduce((sum, [, count]) => sum + count, 0);
    return {
      requests: latencies.length,
      seconds: result.duration,
      rps: latencies.length / result.duration,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: latencies.at(-1) ?? NaN,
      statuses,
      non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
    };
  });
}

/**
 * Warm-up (not measured), then the measured run. A non-2xx, a connection error or a timeout in
 * either is a failure: it is recorded with a sample response and reported loudly.
 */
export async function measure(server, scenario, { duration, warmup, connections }) {
  const loadAverage = os.loadavg()[0];
  let warm = null;
  if (warmup > 0) warm = await once(server, scenario, { seconds: warmup, connections });
  const result = await once(server, scenario, { seconds: duration, connections });
  result.loadAverage = loadAverage;
  // No response at all in the window is a failure too: nothing was measured.
  const bad = (r) => r && (r.non2xx > 0 || r.errors > 0 || r.timeouts > 0 || r.requests === 0);
  if (bad(warm) || bad(result)) {
    const sample = await sendOnce(server, scenario).catch((error) => ({
      status: 'no answer',
      body: String(error),
    }));
    result.failure = {
      warmup: warm && {
        non2xx: warm.non2xx,
        errors: warm.errors,
        timeouts: warm.timeouts,
        statuses: warm.statuses,
      },
      measured: {
        responses: result.requests,
        non2xx: result.non2xx,
        errors: result.errors,
        timeouts: result.timeouts,
        statuses: result.statuses,
      },
      sample: `${sample.status} ${String(sample.body).slice(0, 300)}`,
    };
  }
  return result;
}
