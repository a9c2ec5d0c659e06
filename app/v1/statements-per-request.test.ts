import { beforeAll, describe, expect, it } from 'vitest';
import { observeQueries } from '@/db/client';
import { verifiedApiKeyCache } from '@/lib/api-keys/authenticate';
import { call, createTestApiKey } from '@/test/api';
import * as customer from './customers/[id]/route';
import * as balances from './customers/[id]/balances/route';
import * as collection from './customers/route';

/**
 * The read path's cost at scale is mostly round trips, so the number of statements each
 * request sends is part of the design: the key comes from the cache of verified keys, the
 * USD total rides in the customer row, and a first page that is not full needs no count.
 * A change that adds a query per row (N+1) or per request fails here.
 */
let key: string;
let id: string;
const email = 'statements@example.com';

beforeAll(async () => {
  key = await createTestApiKey('statements');
  for (let i = 0; i < 3; i++) {
    const created = await call(
      collection.POST,
      'POST',
      '/v1/customers',
      {},
      {
        key,
        body: i === 0 ? { email, firstName: 'Stella' } : {},
      },
    );
    expect(created.status).toBe(201);
    id ??= created.json.id;
  }
  // Wait until revocations are being listened for, so keys are cached from now on.
  await call(customer.GET, 'GET', `/v1/customers/${id}`, { id }, { key });
  for (let tries = 0; !verifiedApiKeyCache().live; tries++) {
    if (tries === 100) throw new Error('never started listening for key revocations');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await call(customer.GET, 'GET', `/v1/customers/${id}`, { id }, { key });
});

async function statementsOf(request: () => Promise<{ status: number }>): Promise<string[]> {
  const statements: string[] = [];
  const stop = observeQueries((query) => statements.push(query));
  try {
    expect((await request()).status).toBe(200);
  } finally {
    stop();
  }
  return statements;
}

describe('statements per request, with the API key already verified', () => {
  it('GET /v1/customers/{id}: one, the customer with its USD total', async () => {
    const sent = await statementsOf(() =>
      call(customer.GET, 'GET', `/v1/customers/${id}`, { id }, { key }),
    );
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(/wallet_balances/);
  });

  it('GET /v1/customers/{id}/balances: one', async () => {
    const sent = await statementsOf(() =>
      call(balances.GET, 'GET', `/v1/customers/${id}/balances`, { id }, { key }),
    );
    expect(sent).toHaveLength(1);
  });

  it('GET /v1/customers?email=: one, since a page that is not full is its own count', async () => {
    const sent = await statementsOf(() =>
      call(collection.GET, 'GET', '/v1/customers', {}, { key, query: `email=${email}` }),
    );
    expect(sent).toHaveLength(1);
  });

  it('GET /v1/customers with a full first page: one, the page carrying its kept count', async () => {
    for (const query of ['limit=1', 'limit=2', 'limit=1&type=individual&status=not_started']) {
      const sent = await statementsOf(() =>
        call(collection.GET, 'GET', '/v1/customers', {}, { key, query }),
      );
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatch(/customer_counts/);
      // The limit is in the text: a parameter would make PostgreSQL re-plan every call.
      expect(sent[0]).toMatch(new RegExp(`limit ${Number(query.match(/limit=(\d+)/)![1]) + 1}$`));
    }
  });

  it('POST /v1/customers: one, the audit event a CTE of the insert', async () => {
    const sent: string[] = [];
    const stop = observeQueries((query) => sent.push(query));
    try {
      const created = await call(collection.POST, 'POST', '/v1/customers', {}, { key, body: {} });
      expect(created.status).toBe(201);
    } finally {
      stop();
    }
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(/insert into "audit_events"/);
  });

  it('PATCH /v1/customers/{id} without contention: two, the read and the checked write', async () => {
    const sent = await statementsOf(() =>
      call(
        customer.PATCH,
        'PATCH',
        `/v1/customers/${id}`,
        { id },
        {
          key,
          body: { metadata: { step: 'one' } },
        },
      ),
    );
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatch(/insert into audit_events/);
  });

  it('GET /v1/customers with another filter and a full first page: the page, then a capped count', async () => {
    const sent = await statementsOf(() =>
      call(
        collection.GET,
        'GET',
        '/v1/customers',
        {},
        {
          key,
          query: 'limit=1&createdFrom=2000-01-01',
        },
      ),
    );
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatch(/count\(\*\)/);
  });
});
