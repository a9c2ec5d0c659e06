import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { customers, type NewCustomer } from '@/db/schema';
import { call, createTestApiKey, type JsonBody } from '@/test/api';
import { GET } from './route';

let key: string;
const base = Date.parse('2026-01-01T00:00:00.000Z');

/** 30 customers, one a day apart: even days individual/approved, odd business/rejected. */
beforeAll(async () => {
  key = await createTestApiKey();
  const rows: NewCustomer[] = Array.from({ length: 30 }, (_, i) => ({
    id: `${i % 2 ? 'biz' : 'cus'}_list${String(i).padStart(14, '0')}`,
    type: i % 2 ? 'business' : 'individual',
    status: i % 2 ? 'rejected' : 'approved',
    firstName: i % 2 ? null : `Person${i}`,
    legalName: i % 2 ? `Company ${i} 100%_Real` : null,
    email: `user${i}@Example.com`,
    phone: `+1555000${String(i).padStart(4, '0')}`,
    externalId: `ext-${i}`,
    createdAt: new Date(base + i * 86_400_000),
  }));
  await db.insert(customers).values(rows);
});

const list = (query = '') => call(GET, 'GET', '/v1/customers', {}, { key, query });
const ids = (json: JsonBody) => json.customers.map((c: { id: string }) => c.id);

describe('GET /v1/customers', () => {
  it('lists newest first with an exact total and pagination', async () => {
    const { status, json } = await list();
    expect(status).toBe(200);
    expect(json.customers).toHaveLength(20);
    expect(ids(json)[0]).toBe('biz_list00000000000029');
    expect(json).toMatchObject({
      totalCount: 30,
      totalCountExact: true,
      hasMore: true,
      pagination: { limit: 20, offset: 0, page: 1, totalPages: 2 },
    });
    expect(json.nextCursor).toEqual(expect.any(String));
  });

  it('pages by offset and by page with the same result', async () => {
    const byOffset = await list('limit=5&offset=10');
    const byPage = await list('limit=5&page=3');
    expect(ids(byOffset.json)).toEqual(ids(byPage.json));
    expect(byPage.json.pagination).toEqual({ limit: 5, offset: 10, page: 3, totalPages: 6 });
  });

  it('walks every row exactly once by cursor, with exact totals on every page', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await list(`limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.status).toBe(200);
      expect(response.json.totalCount).toBe(30);
      seen.push(...ids(response.json));
      cursor = response.json.nextCursor;
      pages++;
      if (cursor) expect(response.json.hasMore).toBe(true);
    } while (cursor);
    expect(pages).toBe(5);
    expect(new Set(seen).size).toBe(30);
  });

  it('refuses a cursor used with other filters, a malformed cursor, and cursor with offset', async () => {
    const first = await list('limit=5');
    expect((await list(`limit=6&cursor=${first.json.nextCursor}`)).status).toBe(400);
    expect((await list(`type=business&limit=5&cursor=${first.json.nextCursor}`)).status).toBe(400);
    const garbage = await list('cursor=not-a-cursor');
    expect(garbage.status).toBe(400);
    expect(garbage.json.errors[0].field).toBe('cursor');
    expect((await list(`cursor=${first.json.nextCursor}&offset=5&limit=5`)).status).toBe(400);
  });

  it('filters by type and status (several at once) with exact counts', async () => {
    const business = await list('type=business');
    expect(business.json.totalCount).toBe(15);
    expect(business.json.customers.every((c: { type: string }) => c.type === 'business')).toBe(
      true,
    );
    const both = await list('status=approved,rejected');
    expect(both.json.totalCount).toBe(30);
    const none = await list('type=business&status=approved');
    expect(none.json).toMatchObject({
      totalCount: 0,
      customers: [],
      hasMore: false,
      nextCursor: null,
    });
  });

  it('matches email case-insensitively but exactly, and externalId exactly', async () => {
    expect(ids((await list('email=USER3@example.com')).json)).toEqual(['biz_list00000000000003']);
    expect((await list('email=user3@example.co')).json.totalCount).toBe(0);
    expect(ids((await list('externalId=ext-4')).json)).toEqual(['cus_list00000000000004']);
    expect((await list('externalId=ext-')).json.totalCount).toBe(0);
  });

  it('finds a phone after normalising it and a customer by id', async () => {
    expect(ids((await list('phone=%2B1 555-000-0007')).json)).toEqual(['biz_list00000000000007']);
    expect(ids((await list('customerId=cus_list00000000000008')).json)).toEqual([
      'cus_list00000000000008',
    ]);
  });

  it('filters by created date bounds, inclusive, a bare createdTo covering that whole day', async () => {
    const response = await list('createdFrom=2026-01-02&createdTo=2026-01-04');
    expect(ids(response.json)).toEqual([
      'biz_list00000000000003',
      'cus_list00000000000002',
      'biz_list00000000000001',
    ]);
    const exact = await list(
      'createdFrom=2026-01-03T00:00:00.000Z&createdTo=2026-01-03T00:00:00.000Z',
    );
    expect(ids(exact.json)).toEqual(['cus_list00000000000002']);
  });

  it('searches names, emails and id prefixes case-insensitively, with % and _ literal', async () => {
    expect(ids((await list('q=person12')).json)).toEqual(['cus_list00000000000012']);
    expect((await list('q=EXAMPLE.COM')).json.totalCount).toBe(30);
    expect((await list('q=100%25_real')).json.totalCount).toBe(15);
    expect((await list('q=son%25')).json.totalCount).toBe(0);
    expect((await list('q=person_1')).json.totalCount).toBe(0);
    expect(ids((await list('q=cus_list0000000000001')).json)).toEqual([
      'cus_list00000000000018',
      'cus_list00000000000016',
      'cus_list00000000000014',
      'cus_list00000000000012',
      'cus_list00000000000010',
    ]);
  });

  it('combines filters with AND', async () => {
    const response = await list('type=individual&q=person2');
    expect(ids(response.json)).toEqual([
      'cus_list00000000000028',
      'cus_list00000000000026',
      'cus_list00000000000024',
      'cus_list00000000000022',
      'cus_list00000000000020',
      'cus_list00000000000002',
    ]);
  });

  it('answers 400 naming each invalid parameter', async () => {
    for (const [query, field] of [
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['limit=abc', 'limit'],
      ['offset=-1', 'offset'],
      ['offset=1&page=1', 'page'],
      ['status=approved,unknown', 'status'],
      ['type=person', 'type'],
      ['q=ab', 'q'],
      ['createdFrom=2026-13-01', 'createdFrom'],
      ['sort=name', 'sort'],
      ['email=not-an-email', 'email'],
    ]) {
      const response = await list(query);
      expect(response.status, query).toBe(400);
      expect(
        response.json.errors.map((e: { field: string }) => e.field),
        query,
      ).toContain(field);
    }
  });
});
