import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { call, createTestApiKey } from '@/test/api';
import { POST as createRoute } from '../route';
import { GET, PATCH, PUT } from './route';

let key: string;
beforeAll(async () => {
  key = await createTestApiKey();
});

async function newCustomer(body: unknown = {}) {
  const response = await call(createRoute, 'POST', '/v1/customers', {}, { key, body });
  expect(response.status).toBe(201);
  return response;
}

const patch = (id: string, body: unknown, headers: Record<string, string> = {}) =>
  call(PATCH, 'PATCH', `/v1/customers/${id}`, { id }, { key, body, headers });

describe('PATCH /v1/customers/{id}', () => {
  it('changes only the fields given and clears a field set to null', async () => {
    const { json: created, headers } = await newCustomer({
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.com',
    });
    const response = await patch(created.id, { lastName: 'King', email: null });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ firstName: 'Ada', lastName: 'King', email: null });
    expect(response.headers.get('etag')).toBeTruthy();
    expect(response.headers.get('etag')).not.toBe(headers.get('etag'));
    expect(Date.parse(response.json.updatedAt)).toBeGreaterThan(Date.parse(created.updatedAt));
  });

  it('merges metadata key by key and removes keys set to null', async () => {
    const { json: created } = await newCustomer({ metadata: { plan: 'pro', seats: 3 } });
    const response = await patch(created.id, { metadata: { seats: null, vip: true } });
    expect(response.json.metadata).toEqual({ plan: 'pro', vip: true });
  });

  it('refuses a merge that would leave more than 50 metadata keys, writing nothing', async () => {
    const fifty = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, i]));
    const { json: created } = await newCustomer({ metadata: fifty });
    const response = await patch(created.id, { metadata: { extra: 'x' } });
    expect(response.status).toBe(400);
    expect(response.json.errors[0].field).toBe('metadata');
    const after = await call(
      GET,
      'GET',
      `/v1/customers/${created.id}`,
      { id: created.id },
      { key },
    );
    expect(Object.keys(after.json.metadata)).toHaveLength(50);
    expect(after.json.updatedAt).toBe(created.updatedAt);
  });

  it('replaces the address as a whole and clears it with null', async () => {
    const address = {
      streetLine1: '1 Main St',
      city: 'Springfield',
      state: 'IL',
      postalCode: '62701',
      country: 'US',
    };
    const { json: created } = await newCustomer({
      residentialAddress: { ...address, streetLine2: 'Apt 4' },
    });
    const replaced = await patch(created.id, { residentialAddress: address });
    expect(replaced.json.residentialAddress).toEqual({ ...address, streetLine2: null });
    const cleared = await patch(created.id, { residentialAddress: null });
    expect(cleared.json.residentialAddress).toBeNull();
  });

  it('refuses to change type or set status', async () => {
    const { json: created } = await newCustomer();
    for (const body of [{ type: 'business' }, { status: 'approved' }]) {
      const response = await patch(created.id, body);
      expect(response.status).toBe(400);
      expect(response.json.errors[0].field).toBe(Object.keys(body)[0]);
    }
  });

  it('refreshes KYC with a new share token', async () => {
    const { json: created } = await newCustomer();
    const response = await patch(created.id, { shareToken: 'fresh-token' });
    expect(response.json.status).toBe('under_review');
    expect(response.json.kyc).toMatchObject({ provider: 'sumsub' });
    expect(response.json.kyc.shareTokenReceivedAt).toBeTruthy();
  });

  it('answers 412 and writes nothing when If-Match names an old version', async () => {
    const created = await newCustomer({ firstName: 'Old' });
    const etag = created.headers.get('etag')!;
    const first = await patch(created.json.id, { firstName: 'New' }, { 'if-match': etag });
    expect(first.status).toBe(200);
    const stale = await patch(created.json.id, { firstName: 'Stale' }, { 'if-match': etag });
    expect(stale.status).toBe(412);
    expect(stale.json.code).toBe('version_mismatch');
    const current = await call(
      GET,
      'GET',
      `/v1/customers/${created.json.id}`,
      { id: created.json.id },
      { key },
    );
    expect(current.json.firstName).toBe('New');
    expect(current.headers.get('etag')).toBe(first.headers.get('etag'));
  });

  it('lets exactly one of two racing writers with the same If-Match win', async () => {
    const created = await newCustomer();
    const etag = created.headers.get('etag')!;
    const [a, b] = await Promise.all([
      patch(created.json.id, { firstName: 'A' }, { 'if-match': etag }),
      patch(created.json.id, { firstName: 'B' }, { 'if-match': etag }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 412]);
  });

  it('keeps both of two concurrent updates to different fields and metadata keys', async () => {
    const { json: created } = await newCustomer();
    await Promise.all([
      patch(created.id, { firstName: 'Concurrent', metadata: { a: 1 } }),
      patch(created.id, { lastName: 'Writers', metadata: { b: 2 } }),
    ]);
    const after = await call(
      GET,
      'GET',
      `/v1/customers/${created.id}`,
      { id: created.id },
      { key },
    );
    expect(after.json).toMatchObject({
      firstName: 'Concurrent',
      lastName: 'Writers',
      metadata: { a: 1, b: 2 },
    });
  });

  it('applies every one of many concurrent updates to one customer, losing none', async () => {
    const { json: created } = await newCustomer();
    const writers = 12;
    const responses = await Promise.all(
      Array.from({ length: writers }, (_, i) => patch(created.id, { metadata: { [`k${i}`]: i } })),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(writers).fill(200));
    const after = await call(
      GET,
      'GET',
      `/v1/customers/${created.id}`,
      { id: created.id },
      { key },
    );
    expect(after.json.metadata).toEqual(
      Object.fromEntries(Array.from({ length: writers }, (_, i) => [`k${i}`, i])),
    );
    // Every update made its own version: `v1` plus one per writer.
    expect(after.headers.get('etag')).toBe(`"${created.id}.v${1 + writers}"`);
  });

  it('lets a customer change the letter case of their own email', async () => {
    const { json: created } = await newCustomer({ email: 'case@example.com' });
    const response = await patch(created.id, { email: 'CASE@example.com' });
    expect(response.status).toBe(200);
    expect(response.json.email).toBe('CASE@example.com');
  });

  it('answers 409 when the new email belongs to another customer', async () => {
    await newCustomer({ email: 'first@example.com' });
    const { json: second } = await newCustomer();
    const response = await patch(second.id, { email: 'FIRST@example.com' });
    expect(response.status).toBe(409);
    expect(response.json.code).toBe('email_taken');
  });

  it('treats PUT as a partial update too', async () => {
    const { json: created } = await newCustomer({ firstName: 'Keep', lastName: 'Me' });
    const response = await call(
      PUT,
      'PUT',
      `/v1/customers/${created.id}`,
      { id: created.id },
      { key, body: { lastName: 'Put' } },
    );
    expect(response.json).toMatchObject({ firstName: 'Keep', lastName: 'Put' });
  });

  it('answers 404 for unknown and malformed ids', async () => {
    for (const id of ['cus_doesnotexist00000', 'nope', 'cus_' + 'x'.repeat(70)]) {
      const response = await patch(id, { firstName: 'X' });
      expect(response.status).toBe(404);
      expect(response.json.code).toBe('customer_not_found');
    }
  });

  it('refuses to clear a business legal name', async () => {
    const { json: created } = await newCustomer({
      type: 'business',
      legalName: 'Acme',
      website: 'https://acme.example',
    });
    const response = await patch(created.id, { legalName: null });
    expect(response.status).toBe(400);
    expect(response.json.errors[0].field).toBe('legalName');
  });

  it('audits the changed field names and status moves, never the values', async () => {
    const { json: created } = await newCustomer();
    await patch(created.id, { firstName: 'Secret Name', shareToken: 'tok' });
    const events = await db.execute<{
      changed_fields: string[];
      before: unknown;
      after: unknown;
      row: string;
    }>(sql`
      select changed_fields, before, after, row_to_json(audit_events)::text as row
      from audit_events where customer_id = ${created.id} and action = 'customer.updated'`);
    expect(events.rows[0]!.changed_fields.sort()).toEqual(['firstName', 'shareToken']);
    expect(events.rows[0]!.after).toEqual({ status: 'under_review' });
    expect(events.rows[0]!.row).not.toContain('Secret Name');
    expect(events.rows[0]!.row).not.toContain('tok"');
  });
});
