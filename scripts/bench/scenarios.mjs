// What is measured: the endpoints, the real values they are called with (picked from the
// seeded data), a sanity check of each response, and each endpoint's target.
import { withClient } from './database.mjs';

/** How deep the deep pages go: 500,000 rows, or half the table when it is smaller. */
export function deepOffset(customers) {
  return Math.min(500_000, Math.floor(customers / 2));
}

/** The most frequent three-letter run inside the words of names: the broad search term. */
function commonTrigram(names) {
  const counts = new Map();
  for (const text of names) {
    const seen = new Set();
    for (const word of text.split(/[^a-z]+/)) {
      for (let k = 0; k + 3 <= word.length; k++) seen.add(word.slice(k, k + 3));
    }
    for (const gram of seen) counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
}

/**
 * Real values from the database: an email, ids (one with funded wallets), a set of ids for
 * updates, a common and a rare search term with their match counts. Deterministic for a seed.
 */
export async function pickBenchData(url, { customers, patchIds = 1000 }) {
  return withClient(url, async (client) => {
    const one = async (text, values) => (await client.query(text, values)).rows[0];
    const individual = await one(
      `select id, email from customers
        where deleted_at is null and email is not null and type = 'individual'
        order by id limit 1 offset 7`,
    );
    const funded = await one(
      `select c.id, count(b.*)::int as lines from customers c
         join wallets w on w.customer_id = c.id join wallet_balances b on b.wallet_id = w.id
        where c.deleted_at is null and c.has_funds
        group by c.id having count(b.*) >= 3
        order by c.id limit 1`,
    );
    const patch = await client.query(
      `select id from customers where deleted_at is null order by id offset 100 limit $1`,
      [patchIds],
    );
    const sample = await client.query(
      `select lower(concat_ws(' ', first_name, middle_name, last_name, legal_name)) as names
         from customers where deleted_at is null order by id limit 5000`,
    );
    const commonTerm = commonTrigram(sample.rows.map((row) => row.names));
    // The local part of one customer's email, with its '@': exactly one match.
    const rareTerm = `${individual.email.split('@')[0].toLowerCase()}@`;
    const matches = async (term) =>
      Number(
        (
          await one(
            `select count(*)::bigint as n from customers
              where deleted_at is null and search_text like '%' || $1 || '%'`,
            [term],
          )
        ).n,
      );
    return {
      customers,
      deep: deepOffset(customers),
      email: individual.email,
      getId: individual.id,
      balancesId: funded?.id ?? individual.id,
      patchIds: patch.rows.map((row) => row.id),
      commonTerm,
      commonMatches: await matches(commonTerm),
      rareTerm,
      rareMatches: await matches(rareTerm),
    };
  });
}

/** `nextCursor` of the page that ends `deep` rows in: a real cursor that deep. */
export async function deepCursor(server, apiKey, deep) {
  const response = await fetch(
    `${server.origin}/v1/customers?offset=${Math.max(0, deep - 20)}&limit=20`,
    { headers: { 'X-API-Key': apiKey } },
  );
  const body = await response.json();
  if (!response.ok || typeof body.nextCursor !== 'string') {
    throw new Error(
      `Could not get a cursor ${deep} rows deep: ${response.status} ${JSON.stringify(body).slice(0, 300)}`,
    );
  }
  return body.nextCursor;
}

const json = (n) => (body) => {
  const parsed = JSON.parse(body);
  return n(parsed);
};
const listOf = (expected) =>
  json((page) => {
    const rows = page.customers?.length ?? -1;
    if (expected === 'some' ? rows < 1 : rows !== expected) {
      return `expected ${expected} customers, got ${rows}`;
    }
    return null;
  });
const object = (field) => json((body) => (body[field] ? null : `no "${field}" in the response`));

/**
 * Every measured endpoint. `request(n)` gives the n-th request (n counts from 0 within a run);
 * `check` returns null for a plausible response body or a reason; `target` is the goal.
 */
export function scenarios({ data, apiKey, cookie, cursor, runTag }) {
  const api = { 'X-API-Key': apiKey };
  const apiJson = { ...api, 'Content-Type': 'application/json' };
  const get =
    (path, headers = api) =>
    () => ({ method: 'GET', path, headers });
  const deep = data.deep.toLocaleString('en-US');
  return [
    {
      key: 'ceiling',
      label: 'GET /bench/ceiling (framework ceiling)',
      // The session cookie only gets the request past proxy.ts's redirect; nothing reads it.
      request: get('/bench/ceiling', { Cookie: cookie }),
      check: json((body) => (body.ok === true ? null : 'not {"ok":true}')),
      target: null,
      database: false,
    },
    {
      key: 'first-page',
      label: 'GET /v1/customers (first page)',
      request: get('/v1/customers'),
      check: listOf(20),
      target: { kind: 'ratio', min: 0.6 },
    },
    {
      key: 'email',
      label: 'GET /v1/customers?email=…',
      request: get(`/v1/customers?email=${encodeURIComponent(data.email)}`),
      check: listOf(1),
      target: { kind: 'ratio', min: 0.75 },
    },
    {
      key: 'type-status',
      label: 'GET /v1/customers?type=business&status=approved',
      request: get('/v1/customers?type=business&status=approved'),
      check: listOf(20),
      target: { kind: 'ratio', min: 0.6 },
    },
    {
      key: 'q-common',
      label: `GET /v1/customers?q=${data.commonTerm} (common)`,
      request: get(`/v1/customers?q=${encodeURIComponent(data.commonTerm)}`),
      check: listOf(20),
      target: { kind: 'p95', maxMs: 50 },
    },
    {
      key: 'q-rare',
      label: 'GET /v1/customers?q=<email local part> (rare)',
      request: get(`/v1/customers?q=${encodeURIComponent(data.rareTerm)}`),
      check: listOf('some'),
      target: { kind: 'p95', maxMs: 50 },
    },
    {
      key: 'cursor-deep',
      label: `GET /v1/customers?cursor=… (${deep} deep)`,
      request: get(`/v1/customers?cursor=${encodeURIComponent(cursor)}`),
      check: listOf(20),
      target: { kind: 'ratio', min: 0.6 },
    },
    {
      key: 'offset-deep',
      label: `GET /v1/customers?offset=${data.deep}`,
      request: get(`/v1/customers?offset=${data.deep}`),
      check: listOf(20),
      target: { kind: 'p95', maxMs: 150 },
    },
    {
      key: 'get',
      label: 'GET /v1/customers/{id}',
      request: get(`/v1/customers/${data.getId}`),
      check: object('id'),
      target: { kind: 'ratio', min: 0.75 },
    },
    {
      key: 'balances',
      label: 'GET /v1/customers/{id}/balances',
      request: get(`/v1/customers/${data.balancesId}/balances`),
      check: json((body) => (body.wallets?.length > 0 ? null : 'no wallets')),
      target: { kind: 'ratio', min: 0.6 },
    },
    {
      key: 'dashboard',
      label: 'GET /customers (dashboard page, signed in)',
      request: get('/customers', { Cookie: cookie }),
      check: (body) => (body.includes('Customers') ? null : 'not the customers page'),
      target: { kind: 'p95-vs', of: 'first-page', factor: 2 },
    },
    {
      key: 'create',
      label: 'POST /v1/customers',
      request: (n) => ({
        method: 'POST',
        path: '/v1/customers',
        headers: apiJson,
        body: JSON.stringify({ email: `bench-${runTag}-${n}@bench.example.com` }),
      }),
      check: object('id'),
      target: { kind: 'ratio', min: 0.4 },
      write: true,
    },
    {
      key: 'update',
      label: 'PATCH /v1/customers/{id}',
      request: (n) => ({
        method: 'PATCH',
        path: `/v1/customers/${data.patchIds[n % data.patchIds.length]}`,
        headers: apiJson,
        body: JSON.stringify({ metadata: { bench: String(n) } }),
      }),
      check: object('id'),
      target: { kind: 'ratio', min: 0.4 },
      write: true,
    },
  ];
}

/**
 * The endpoints in the order they are loaded: reads before writes (creates would change the
 * first page). The ceiling runs before the first and after each of them (see loadPhase).
 */
export const LOAD_ORDER = [
  'first-page',
  'email',
  'type-status',
  'q-common',
  'q-rare',
  'cursor-deep',
  'offset-deep',
  'get',
  'balances',
  'dashboard',
  'create',
  'update',
];

/** The growth check: the same three reads on a small and on the large database. */
export const GROWTH_KEYS = ['first-page', 'email', 'cursor-deep'];
