import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { call, createTestApiKey } from '@/test/api';
import { POST } from './route';

let key: string;
beforeAll(async () => {
  key = await createTestApiKey();
});

const create = (idempotencyKey: string, body: unknown, apiKey: string | null = key) =>
  call(
    POST,
    'POST',
    '/v1/customers',
    {},
    { key: apiKey, body, headers: { 'idempotency-key': idempotencyKey } },
  );

async function customersWithEmail(email: string) {
  const result = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from customers where email = ${email}`,
  );
  return result.rows[0]!.n;
}

describe('Idempotency-Key on POST /v1/customers', () => {
  it('replays the first response for a retry with the same body', async () => {
    const first = await create('retry-1', { email: 'idem1@example.com' });
    const second = await create('retry-1', { email: 'idem1@example.com' });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.json).toEqual(first.json);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(second.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
    expect(await customersWithEmail('idem1@example.com')).toBe(1);
  });

  it('treats the same body with other key order and spacing as the same request', async () => {
    const first = await create('retry-order', { firstName: 'A', lastName: 'B' });
    const second = await call(
      POST,
      'POST',
      '/v1/customers',
      {},
      {
        key,
        rawBody: '{ "lastName": "B",  "firstName": "A" }',
        headers: { 'idempotency-key': 'retry-order', 'content-type': 'application/json' },
      },
    );
    expect(second.json.id).toBe(first.json.id);
  });

  it('answers 422 idempotency_key_reused for the same key with another body', async () => {
    await create('retry-2', { email: 'idem2@example.com' });
    const response = await create('retry-2', { email: 'other@example.com' });
    expect(response.status).toBe(422);
    expect(response.json.code).toBe('idempotency_key_reused');
    expect(await customersWithEmail('other@example.com')).toBe(0);
  });

  it('replays a stored error response as well', async () => {
    const first = await create('retry-3', { type: 'business' });
    const second = await create('retry-3', { type: 'business' });
    expect(first.status).toBe(400);
    expect(second.status).toBe(400);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
  });

  it('creates one customer for twenty simultaneous requests with one key', async () => {
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => create('burst-1', { email: 'burst@example.com' })),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    const ids = new Set(responses.filter((r) => r.status === 201).map((r) => r.json.id));
    expect(ids.size).toBe(1);
    for (const conflict of responses.filter((r) => r.status === 409)) {
      expect(conflict.json.code).toBe('idempotency_key_in_use');
    }
    expect(await customersWithEmail('burst@example.com')).toBe(1);
  });

  it('refuses a key longer than 255 characters', async () => {
    const response = await create('k'.repeat(256), {});
    expect(response.status).toBe(400);
    expect(response.json.errors[0].field).toBe('Idempotency-Key');
    expect((await create('k'.repeat(255), {})).status).toBe(201);
  });

  it('keeps keys apart per API key and still requires a valid key for a replay', async () => {
    const otherKey = await createTestApiKey('other');
    const mine = await create('shared-name', {});
    const theirs = await create('shared-name', {}, otherKey);
    expect(theirs.json.id).not.toBe(mine.json.id);
    const anonymous = await create('shared-name', {}, null);
    expect(anonymous.status).toBe(401);
  });
});
