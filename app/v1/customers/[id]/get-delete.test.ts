import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { call, createTestApiKey } from '@/test/api';
import { POST as createRoute } from '../route';
import { DELETE, GET, PATCH, POST } from './route';

let key: string;
beforeAll(async () => {
  key = await createTestApiKey();
});

async function newCustomer(body: unknown = {}) {
  const response = await call(createRoute, 'POST', '/v1/customers', {}, { key, body });
  expect(response.status).toBe(201);
  return response.json;
}
const get = (id: string, apiKey: string | null = key) =>
  call(GET, 'GET', `/v1/customers/${id}`, { id }, { key: apiKey });
const remove = (id: string) => call(DELETE, 'DELETE', `/v1/customers/${id}`, { id }, { key });

describe('GET /v1/customers/{id}', () => {
  it('returns the customer with its ETag', async () => {
    const created = await newCustomer({ firstName: 'Grace' });
    const response = await get(created.id);
    expect(response.status).toBe(200);
    expect(response.json).toEqual(created);
    expect(response.headers.get('etag')).toBeTruthy();
  });

  it('answers 404 problem+json for unknown and malformed ids, and 401 before that without a key', async () => {
    for (const id of ['cus_unknown000000000', 'biz_', 'wal_abc', '../etc', 'cus_a-b']) {
      const response = await get(id);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.json.code).toBe('customer_not_found');
    }
    expect((await get('cus_unknown000000000', null)).status).toBe(401);
  });

  it('answers 405 with the allowed methods for an unsupported method', async () => {
    const created = await newCustomer();
    const response = await call(
      POST,
      'POST',
      `/v1/customers/${created.id}`,
      { id: created.id },
      { key },
    );
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toContain('PATCH');
    expect(response.headers.get('x-request-id')).toMatch(/^req_/);
  });
});

describe('DELETE /v1/customers/{id}', () => {
  it('deletes, answers exactly { id, object, deleted }, and then 404s every read and write', async () => {
    const created = await newCustomer({ email: 'gone@example.com' });
    const response = await remove(created.id);
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ id: created.id, object: 'customer', deleted: true });
    expect((await get(created.id)).status).toBe(404);
    expect((await remove(created.id)).status).toBe(404);
    const patched = await call(
      PATCH,
      'PATCH',
      `/v1/customers/${created.id}`,
      { id: created.id },
      { key, body: { firstName: 'x' } },
    );
    expect(patched.status).toBe(404);
  });

  it('erases every personal column in the database and frees email, phone and externalId at once', async () => {
    const pii = {
      email: 'erase.me@example.com',
      phone: '+15555550123',
      externalId: 'ext-erase-1',
      firstName: 'Erin',
      middleName: 'Q',
      lastName: 'Erased',
      birthDate: '1980-05-05',
      country: 'DE',
      residentialAddress: {
        streetLine1: 'Hidden 1',
        city: 'Berlin',
        state: 'BE',
        postalCode: '10115',
        country: 'DE',
      },
      metadata: { secret: 'value' },
      shareToken: 'kyc-token',
    };
    const created = await newCustomer(pii);
    expect((await remove(created.id)).status).toBe(200);
    const row = await db.execute<Record<string, unknown>>(
      sql`select * from customers where id = ${created.id}`,
    );
    const stored = row.rows[0]!;
    for (const column of [
      'email',
      'phone',
      'external_id',
      'first_name',
      'middle_name',
      'last_name',
      'legal_name',
      'website',
      'birth_date',
      'country',
      'residential_address',
      'kyc_share_token_encrypted',
    ]) {
      expect(stored[column], column).toBeNull();
    }
    expect(stored.metadata).toEqual({});
    expect(stored.deleted_at).toBeTruthy();
    expect(JSON.stringify(stored)).not.toMatch(/Erin|Erased|erase\.me|Hidden|5555550123/);
    const reused = await newCustomer({
      email: pii.email,
      phone: pii.phone,
      externalId: pii.externalId,
    });
    expect(reused.id).not.toBe(created.id);
  });

  it('is refused with 409 customer_has_balance while a wallet holds any amount', async () => {
    const created = await newCustomer();
    await db.execute(
      sql`insert into wallets (id, customer_id, network, address) values ('wal_fundedwallet00001', ${created.id}, 'polygon', ${'0x' + 'b'.repeat(40)})`,
    );
    await db.execute(
      sql`insert into wallet_balances (wallet_id, currency, amount) values ('wal_fundedwallet00001', 'USDC', 0.000001)`,
    );
    const response = await remove(created.id);
    expect(response.status).toBe(409);
    expect(response.json.code).toBe('customer_has_balance');
    expect((await get(created.id)).status).toBe(200);
  });

  it('is not blocked by wallets whose balances are zero', async () => {
    const created = await newCustomer();
    await db.execute(
      sql`insert into wallets (id, customer_id, network, address) values ('wal_emptywallet000001', ${created.id}, 'base', ${'0x' + 'c'.repeat(40)})`,
    );
    await db.execute(
      sql`insert into wallet_balances (wallet_id, currency, amount) values ('wal_emptywallet000001', 'USDC', 0)`,
    );
    expect((await remove(created.id)).status).toBe(200);
  });
});
