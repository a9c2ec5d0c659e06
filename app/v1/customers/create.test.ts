import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { call, createTestApiKey } from '@/test/api';
import { POST } from './route';

let key: string;
beforeAll(async () => {
  key = await createTestApiKey();
});

const create = (
  body?: unknown,
  options: { headers?: Record<string, string>; rawBody?: string } = {},
) => call(POST, 'POST', '/v1/customers', {}, { key, body, ...options });

async function customerCount() {
  const result = await db.execute<{ n: number }>(sql`select count(*)::int as n from customers`);
  return result.rows[0]!.n;
}

describe('POST /v1/customers', () => {
  it('creates an individual with status not_started from an empty body', async () => {
    const response = await call(POST, 'POST', '/v1/customers', {}, { key });
    expect(response.status).toBe(201);
    expect(response.json.id).toMatch(/^cus_[A-Za-z0-9]{18}$/);
    expect(response.json).toMatchObject({
      type: 'individual',
      status: 'not_started',
      email: null,
      metadata: {},
      kyc: { provider: null, shareTokenReceivedAt: null },
      balance: { amount: '0.00', currency: 'USD' },
    });
    expect(response.json.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(response.headers.get('etag')).toBeTruthy();
    expect(response.headers.get('x-request-id')).toMatch(/^req_[A-Za-z0-9_-]{8,}$/);
  });

  it('treats {} the same as an empty body', async () => {
    const response = await create({});
    expect(response.status).toBe(201);
    expect(response.json.type).toBe('individual');
  });

  it('creates a business with a biz_ id when legalName and website are given', async () => {
    const response = await create({
      type: 'business',
      legalName: 'Acme Ltd',
      website: 'https://acme.example',
    });
    expect(response.status).toBe(201);
    expect(response.json.id).toMatch(/^biz_/);
  });

  it('names legalName and website when a business lacks them, and writes nothing', async () => {
    const before = await customerCount();
    const response = await create({ type: 'business' });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.json.code).toBe('validation_failed');
    expect(response.json.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'legalName',
      'website',
    ]);
    expect(response.json.requestId).toBe(response.headers.get('x-request-id'));
    expect(await customerCount()).toBe(before);
  });

  it('imports KYC from a share token without ever returning the token', async () => {
    const response = await create({ shareToken: 'sumsub-share-token-secret' });
    expect(response.status).toBe(201);
    expect(response.json.status).toBe('under_review');
    expect(response.json.kyc.provider).toBe('sumsub');
    expect(response.json.kyc.shareTokenReceivedAt).toBeTruthy();
    expect(JSON.stringify(response.json)).not.toContain('sumsub-share-token-secret');
    const stored = await db.execute<{ token: string }>(
      sql`select kyc_share_token_encrypted as token from customers where id = ${response.json.id}`,
    );
    expect(stored.rows[0]!.token).not.toContain('sumsub-share-token-secret');
  });

  it('refuses status, unknown and read-only fields, naming each', async () => {
    const response = await create({
      status: 'approved',
      id: 'cus_x',
      nickname: 'x',
      residentialAddress: { zip: '1' },
    });
    expect(response.status).toBe(400);
    const fields = response.json.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining(['status', 'id', 'nickname', 'residentialAddress.zip']),
    );
  });

  it('normalises phone numbers and keeps birth dates as given', async () => {
    const response = await create({ phone: '+44 (20) 7946-0958', birthDate: '1990-02-28' });
    expect(response.status).toBe(201);
    expect(response.json.phone).toBe('+442079460958');
    expect(response.json.birthDate).toBe('1990-02-28');
  });

  it('answers 409 email_taken for an email a live customer has, in any letter case', async () => {
    expect((await create({ email: 'Taken@Example.com' })).status).toBe(201);
    const response = await create({ email: 'taken@example.COM' });
    expect(response.status).toBe(409);
    expect(response.json.code).toBe('email_taken');
  });

  it('answers 409 external_id_taken for a used externalId', async () => {
    expect((await create({ externalId: 'ext-dup-1' })).status).toBe(201);
    const response = await create({ externalId: 'ext-dup-1' });
    expect(response.status).toBe(409);
    expect(response.json.code).toBe('external_id_taken');
  });

  it('gives exactly one 201 and nine 409s to ten simultaneous creates with one email', async () => {
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => create({ email: 'race@example.com' })),
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 409)).toHaveLength(9);
  });

  it('answers 400 invalid_json for malformed JSON and for a body that is not an object', async () => {
    const malformed = await create(undefined, {
      rawBody: '{"email":',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.json.code).toBe('invalid_json');
    const array = await create(undefined, {
      rawBody: '[]',
      headers: { 'content-type': 'application/json' },
    });
    expect(array.status).toBe(400);
  });

  it('answers 415 for a body of another content type', async () => {
    const response = await create(undefined, {
      rawBody: 'email=a@b.c',
      headers: { 'content-type': 'text/plain' },
    });
    expect(response.status).toBe(415);
    expect(response.json.code).toBe('unsupported_media_type');
  });

  it('accepts application/json with a charset', async () => {
    const response = await create(undefined, {
      rawBody: '{"firstName":"Zoë"}',
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
    expect(response.status).toBe(201);
    expect(response.json.firstName).toBe('Zoë');
  });

  it('answers 413 for a body over 64 KiB and writes nothing', async () => {
    const before = await customerCount();
    const response = await create({ firstName: 'x'.repeat(70_000) });
    expect(response.status).toBe(413);
    expect(response.json.code).toBe('payload_too_large');
    expect(await customerCount()).toBe(before);
  });

  it('answers 401 before anything else when the key is missing, unknown or malformed', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { 'x-api-key': 'sk_test_' + 'a'.repeat(32) },
      { authorization: 'Bearer nope' },
    ];
    for (const headers of attempts) {
      const response = await call(POST, 'POST', '/v1/customers', {}, { rawBody: '{bad', headers });
      expect(response.status).toBe(401);
      expect(response.json.code).toBe('unauthorized');
    }
  });

  it('accepts the key as a Bearer token', async () => {
    const response = await call(
      POST,
      'POST',
      '/v1/customers',
      {},
      { headers: { authorization: `Bearer ${key}` } },
    );
    expect(response.status).toBe(201);
  });

  it('records an audit event naming the fields but not their values', async () => {
    const response = await create({ email: 'audited@example.com', firstName: 'Audrey' });
    const events = await db.execute<{ action: string; changed_fields: string[]; row: string }>(
      sql`select action, changed_fields, row_to_json(audit_events)::text as row from audit_events where customer_id = ${response.json.id}`,
    );
    expect(events.rows).toHaveLength(1);
    expect(events.rows[0]!.action).toBe('customer.created');
    expect(events.rows[0]!.changed_fields).toEqual(expect.arrayContaining(['email', 'firstName']));
    expect(events.rows[0]!.row).not.toContain('audited@example.com');
    expect(events.rows[0]!.row).not.toContain('Audrey');
  });
});
