import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { customers, staffUsers, wallets } from '@/db/schema';
import { createApiKey } from '@/lib/api-keys/commands';
import type { StaffActor } from '@/lib/auth/actor';
import { newCustomerId, newWalletId } from '@/lib/ids';
import { generateAddress } from '@/lib/wallets/addresses';
import { GET, POST } from './route';

const adminStaffActor: StaffActor = {
  kind: 'staff',
  id: 'staff_admin_credit',
  role: 'admin',
  name: 'Admin',
  email: 'admin-credit@example.com',
};
const REQUEST_ID = /^req_[A-Za-z0-9_-]{8,}$/;

let secret: string;
let walletId: string;

beforeAll(async () => {
  await db.insert(staffUsers).values({
    id: adminStaffActor.id,
    name: adminStaffActor.name,
    email: adminStaffActor.email,
    role: 'admin',
  });
  ({ secret } = await createApiKey(
    { actor: adminStaffActor, requestId: 'req_x0000000', source: 'cli' },
    { name: 'test', mode: 'test' },
  ));
  const customerId = newCustomerId('individual');
  await db.insert(customers).values({ id: customerId, type: 'individual' });
  walletId = newWalletId();
  await db
    .insert(wallets)
    .values({ id: walletId, customerId, network: 'polygon', address: generateAddress('polygon') });
});

type Options = {
  key?: string | null;
  body?: string;
  headers?: Record<string, string>;
  id?: string;
};

function post({ key = secret, body, headers = {}, id = walletId }: Options = {}) {
  const request = new Request(`http://test/v1/sandbox/wallets/${id}/credit`, {
    method: 'POST',
    headers: {
      ...(key ? { 'x-api-key': key } : {}),
      'content-type': 'application/json',
      ...headers,
    },
    body,
  });
  return POST(request, { params: Promise.resolve({ walletId: id }) });
}

async function ledgerEntries(): Promise<number> {
  const result = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from ledger_entries where wallet_id = ${walletId}`,
  );
  return result.rows[0]?.n ?? -1;
}

describe('POST /v1/sandbox/wallets/{walletId}/credit', () => {
  it('credits the wallet and answers 200 with the ledger entry', async () => {
    const response = await post({ body: JSON.stringify({ currency: 'USDC', amount: '100.00' }) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('x-request-id')).toMatch(REQUEST_ID);
    const body = await response.json();
    expect(body).toEqual({
      id: expect.stringMatching(/^le_\d+$/),
      object: 'ledger_entry',
      walletId,
      kind: 'credit',
      currency: 'USDC',
      amount: '100.000000',
      balance: expect.stringMatching(/^\d+\.\d{6}$/),
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
    });
  });

  it('applies a credit retried with the same Idempotency-Key once and replays the first response', async () => {
    const before = await ledgerEntries();
    const init = {
      body: JSON.stringify({ currency: 'USDC', amount: '7.5' }),
      headers: { 'idempotency-key': 'credit-retry-1' },
    };
    const first = await post(init);
    const firstBody = await first.text();
    const second = await post(init);
    const secondBody = await second.text();

    expect(first.status).toBe(200);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(second.status).toBe(200);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(secondBody).toBe(firstBody);
    expect(second.headers.get('x-request-id')).toMatch(REQUEST_ID);
    expect(second.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
    expect(await ledgerEntries()).toBe(before + 1);
  });

  it('answers 401 without an API key, before looking at the body', async () => {
    const response = await post({ key: null, body: '{not json' });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toMatch(REQUEST_ID);
    expect(await response.json()).toMatchObject({ status: 401, code: 'unauthorized', requestId });
  });

  it('answers 400 naming the amount for a number instead of a decimal string', async () => {
    const before = await ledgerEntries();
    const response = await post({ body: JSON.stringify({ currency: 'USDC', amount: 100 }) });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body).toMatchObject({
      status: 400,
      code: 'validation_failed',
      requestId: response.headers.get('x-request-id'),
    });
    expect(body.errors.map((error: { field: string }) => error.field)).toEqual(['amount']);
    expect(await ledgerEntries()).toBe(before);
  });

  it('answers 404 wallet_not_found for an unknown wallet', async () => {
    const response = await post({
      id: 'wal_unknown00000000001',
      body: JSON.stringify({ currency: 'USDC', amount: '1' }),
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ status: 404, code: 'wallet_not_found' });
  });

  it('answers 405 with X-Request-Id for GET', async () => {
    const response = await GET(
      new Request(`http://test/v1/sandbox/wallets/${walletId}/credit`, {
        headers: { 'x-api-key': secret },
      }),
    );
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(response.headers.get('x-request-id')).toMatch(REQUEST_ID);
  });
});
