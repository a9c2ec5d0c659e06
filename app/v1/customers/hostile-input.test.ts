import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { call, createTestApiKey } from '@/test/api';
import { GET as getOne, PATCH } from './[id]/route';
import { GET, POST } from './route';

/**
 * Random and hostile bodies and query strings: the API never answers 500, always answers
 * errors as problem+json, and writes nothing when it refuses.
 */
let key: string;
let existingId: string;
beforeAll(async () => {
  key = await createTestApiKey();
  const created = await call(
    POST,
    'POST',
    '/v1/customers',
    {},
    { key, body: { firstName: 'Stable' } },
  );
  existingId = created.json.id;
});

async function writes() {
  const result = await db.execute<{ customers: number; events: number; version: number }>(sql`
    select (select count(*)::int from customers) as customers,
           (select count(*)::int from audit_events) as events,
           (select version from customers where id = ${existingId}) as version`);
  return result.rows[0]!;
}

const fieldNames = [
  'type',
  'status',
  'email',
  'phone',
  'firstName',
  'middleName',
  'lastName',
  'legalName',
  'website',
  'birthDate',
  'country',
  'externalId',
  'metadata',
  'residentialAddress',
  'shareToken',
  'id',
  'balance',
  '__proto__',
  'constructor',
];
const hostileString = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    "'; drop table customers; --",
    '%',
    '_',
    '\\',
    '💥'.repeat(300),
    'a'.repeat(5000),
    '2024-02-30',
    '+1 (555) CALL',
    'javascript:alert(1)',
  ),
);
const hostileValue = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(
    fc.string({ maxLength: 45 }),
    fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
    { maxKeys: 60 },
  ),
);
const hostileBody = fc.oneof(
  fc.dictionary(fc.constantFrom(...fieldNames), hostileValue, { maxKeys: 6 }),
  fc.jsonValue().map((v) => v as unknown),
);

function expectProblemUnless2xx(response: {
  status: number;
  headers: Headers;
  json: Record<string, unknown>;
}) {
  expect(response.status).toBeLessThan(500);
  if (response.status >= 400) {
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.json.status).toBe(response.status);
    expect(response.json.requestId).toBe(response.headers.get('x-request-id'));
  }
}

describe('hostile input', () => {
  it('create never fails with a 500 and writes nothing when it refuses', async () => {
    await fc.assert(
      fc.asyncProperty(hostileBody, async (body) => {
        const before = await writes();
        const response = await call(
          POST,
          'POST',
          '/v1/customers',
          {},
          { key, rawBody: JSON.stringify(body), headers: { 'content-type': 'application/json' } },
        );
        expectProblemUnless2xx(response);
        if (response.status >= 400) expect(await writes()).toEqual(before);
      }),
      { numRuns: 150 },
    );
  });

  it('update never fails with a 500 and writes nothing when it refuses', async () => {
    await fc.assert(
      fc.asyncProperty(hostileBody, async (body) => {
        const before = await writes();
        const response = await call(
          PATCH,
          'PATCH',
          `/v1/customers/${existingId}`,
          { id: existingId },
          {
            key,
            rawBody: JSON.stringify(body),
            headers: { 'content-type': 'application/json' },
          },
        );
        expectProblemUnless2xx(response);
        if (response.status >= 400) expect(await writes()).toEqual(before);
      }),
      { numRuns: 150 },
    );
  });

  it('list never fails with a 500 on random query strings', async () => {
    const parameter = fc.constantFrom(
      'limit',
      'offset',
      'page',
      'cursor',
      'email',
      'phone',
      'customerId',
      'externalId',
      'type',
      'status',
      'createdFrom',
      'createdTo',
      'q',
      'x',
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(parameter, hostileString), { maxLength: 4 }),
        async (pairs) => {
          const query = new URLSearchParams(pairs).toString();
          const response = await call(GET, 'GET', '/v1/customers', {}, { key, query });
          expectProblemUnless2xx(response);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('get never fails with a 500 on random ids', async () => {
    await fc.assert(
      fc.asyncProperty(hostileString, async (id) => {
        const response = await call(
          getOne,
          'GET',
          `/v1/customers/${encodeURIComponent(id)}`,
          { id },
          { key },
        );
        expect([200, 404]).toContain(response.status);
      }),
      { numRuns: 100 },
    );
  });
});
