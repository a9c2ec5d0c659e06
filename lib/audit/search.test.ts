import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { apiKeys, auditEvents, customers, staffUsers, type NewAuditEvent } from '@/db/schema';
import type { ApiKeyActor, StaffActor } from '@/lib/auth/actor';
import { ForbiddenError, ValidationError } from '@/lib/errors';
import { listAuditActors, searchAuditEvents, type AuditSearchInput } from './search';

const staff = (role: StaffActor['role']): StaffActor => ({
  kind: 'staff',
  id: `staff_${role}`,
  role,
  name: role,
  email: `${role}@example.com`,
});
const admin = staff('admin');
const viewer = staff('viewer');
const apiKey: ApiKeyActor = { kind: 'api_key', id: 'key_search01', name: 'Checkout', mode: 'test' };

const ADA = 'cus_auditada00000001';
const ACME = 'biz_auditacme0000001';
const GONE = 'cus_auditgone0000001';

/** 30 events over six days, some sharing one instant, from three actors about three customers. */
const EVENTS: NewAuditEvent[] = Array.from({ length: 30 }, (_, n) => {
  const day = 1 + Math.floor(n / 5);
  // Events 10–14 share one instant: only the id orders them.
  const minute = n >= 10 && n < 15 ? 0 : n % 5;
  const actor = [admin, viewer, apiKey][n % 3]!;
  return {
    occurredAt: new Date(Date.UTC(2026, 2, day, 12, minute)),
    actorType: actor.kind,
    actorId: actor.id,
    actorLabel: actor.kind === 'staff' ? actor.email : `API key ${actor.name}`,
    source: actor.kind === 'staff' ? 'dashboard' : 'api',
    requestId: `req_search${String(n).padStart(4, '0')}`,
    action: ['customer.updated', 'kyc.decided', 'wallet.created', 'customer.contact_revealed'][
      n % 4
    ]!,
    customerId: [ADA, ACME, GONE, null][n % 4],
    changedFields: n % 4 === 0 ? ['email'] : [],
  };
});

/** All event ids, newest first: the order every page must follow. */
let newestFirst: number[] = [];

beforeAll(async () => {
  await db.insert(customers).values([
    { id: ADA, type: 'individual', firstName: 'Ada' },
    { id: ACME, type: 'business', legalName: 'Acme Ltd' },
    { id: GONE, type: 'individual', deletedAt: new Date() },
  ]);
  // One at a time, so ids follow the array order.
  for (const event of EVENTS) await db.insert(auditEvents).values(event);
  const rows = await db.select().from(auditEvents);
  newestFirst = rows
    .sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime() || b.id - a.id)
    .map((row) => row.id);
});

async function ids(input: AuditSearchInput) {
  return (await searchAuditEvents(admin, input)).events.map((event) => event.id);
}

async function walkOlder(input: AuditSearchInput) {
  const pages: number[][] = [];
  let cursor: string | null = null;
  do {
    const page = await searchAuditEvents(admin, { ...input, cursor });
    pages.push(page.events.map((event) => event.id));
    cursor = page.olderCursor;
  } while (cursor);
  return pages;
}

describe('searchAuditEvents', () => {
  it('lists every event newest first, the id breaking ties of the same instant', async () => {
    const page = await searchAuditEvents(admin, {});
    expect(page.events.map((event) => event.id)).toEqual(newestFirst);
    expect(page).toMatchObject({ newerCursor: null, olderCursor: null, limit: 50 });
  });

  it('describes each event: time, actor, source, request id, action, customer and fields', async () => {
    const [event] = (await searchAuditEvents(admin, { customerId: ADA, limit: 1 })).events;
    expect(event).toEqual({
      id: expect.any(Number),
      occurredAt: '2026-03-06T12:03:00.000Z',
      actorType: 'staff',
      actorId: viewer.id,
      actorLabel: 'viewer@example.com',
      source: 'dashboard',
      requestId: 'req_search0028',
      action: 'customer.updated',
      customerId: ADA,
      customerLive: true,
      changedFields: ['email'],
      before: null,
      after: null,
    });
  });

  it('filters by actor', async () => {
    const page = await searchAuditEvents(admin, { actor: apiKey.id });
    expect(page.events).toHaveLength(10);
    expect(page.events.every((event) => event.actorLabel === 'API key Checkout')).toBe(true);
  });

  it('filters by action', async () => {
    const page = await searchAuditEvents(admin, { action: 'kyc.decided' });
    expect(page.events.map((event) => event.requestId)).toEqual(
      [29, 25, 21, 17, 13, 9, 5, 1].map((n) => `req_search${String(n).padStart(4, '0')}`),
    );
  });

  it('filters by customer, and says which customers are no longer there to link to', async () => {
    const acme = await searchAuditEvents(admin, { customerId: ACME });
    expect(acme.events).toHaveLength(8);
    expect(acme.events.every((e) => e.customerId === ACME && e.customerLive)).toBe(true);
    const gone = await searchAuditEvents(admin, { customerId: GONE });
    expect(gone.events).toHaveLength(7);
    expect(gone.events.every((e) => !e.customerLive)).toBe(true);
  });

  it('filters by a range of whole UTC days, both ends included', async () => {
    const page = await searchAuditEvents(admin, { from: '2026-03-02', to: '2026-03-03' });
    expect(page.events.map((event) => event.occurredAt.slice(0, 10))).toEqual([
      ...Array<string>(5).fill('2026-03-03'),
      ...Array<string>(5).fill('2026-03-02'),
    ]);
    expect(await ids({ from: '2026-03-06' })).toHaveLength(5);
    expect(await ids({ to: '2026-03-01' })).toHaveLength(5);
  });

  it('combines filters with AND', async () => {
    const page = await searchAuditEvents(admin, {
      actor: admin.id,
      action: 'customer.updated',
      from: '2026-03-03',
    });
    // n ≡ 0 (mod 3) and n ≡ 0 (mod 4), on or after the 3rd (n ≥ 10): 12 and 24.
    expect(page.events.map((event) => event.requestId)).toEqual([
      'req_search0024',
      'req_search0012',
    ]);
  });

  it('walks older pages that cover every event exactly once, newest first', async () => {
    const pages = await walkOlder({ limit: 7 });
    expect(pages.map((page) => page.length)).toEqual([7, 7, 7, 7, 2]);
    expect(pages.flat()).toEqual(newestFirst);
  });

  it('walks back with newer pages to the same pages, ending on the newest page', async () => {
    const pages = await walkOlder({ limit: 7 });
    let page = await searchAuditEvents(admin, { limit: 7 });
    for (let n = 0; n < pages.length - 1; n++) {
      page = await searchAuditEvents(admin, { limit: 7, cursor: page.olderCursor });
    }
    const seen: number[][] = [page.events.map((event) => event.id)];
    while (page.newerCursor) {
      page = await searchAuditEvents(admin, { limit: 7, cursor: page.newerCursor });
      seen.unshift(page.events.map((event) => event.id));
    }
    expect(seen).toEqual(pages);
    expect(page.newerCursor).toBeNull();
  });

  it('fills the newest page when walking back reaches the top', async () => {
    const first = await searchAuditEvents(admin, { limit: 2 });
    const second = await searchAuditEvents(admin, { limit: 2, cursor: first.olderCursor });
    // Only 2 events are newer than the second page; walking back with 4 to a page shows the
    // newest 4, not a short page of 2.
    const back = await searchAuditEvents(admin, { limit: 4, cursor: second.newerCursor });
    expect(back.events.map((event) => event.id)).toEqual(newestFirst.slice(0, 4));
    expect(back.newerCursor).toBeNull();
    expect(back.olderCursor).not.toBeNull();
  });

  it('pages through a filtered log exactly once too', async () => {
    const pages = await walkOlder({ customerId: ADA, limit: 3 });
    const all = await ids({ customerId: ADA });
    expect(all).toHaveLength(8);
    expect(pages.flat()).toEqual(all);
  });

  it('refuses a cursor from a list with other filters, or a forged one', async () => {
    const { olderCursor } = await searchAuditEvents(admin, { limit: 3 });
    await expect(
      searchAuditEvents(admin, { limit: 3, action: 'kyc.decided', cursor: olderCursor }),
    ).rejects.toMatchObject({ status: 400, errors: [{ field: 'cursor' }] });
    const forged = Buffer.from('["2026-03-01T00:00:00.000Z","1; drop",1,"x"]').toString(
      'base64url',
    );
    await expect(searchAuditEvents(admin, { cursor: forged })).rejects.toThrow(ValidationError);
    await expect(searchAuditEvents(admin, { cursor: 'not a cursor' })).rejects.toThrow(
      ValidationError,
    );
  });

  it('refuses bad parameters with a 400 naming each of them', async () => {
    const failure = await searchAuditEvents(admin, {
      action: 'DROP TABLE',
      customerId: 'wal_123',
      from: '2026-02-30',
      limit: 500,
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ValidationError);
    expect(failure).toMatchObject({ status: 400 });
    expect((failure as ValidationError).errors?.map((e) => e.field).sort()).toEqual([
      'action',
      'customerId',
      'from',
      'limit',
    ]);
    await expect(
      searchAuditEvents(admin, { from: '2026-03-05', to: '2026-03-01' }),
    ).rejects.toMatchObject({ status: 400, errors: [{ field: 'to' }] });
    await expect(
      searchAuditEvents(admin, { sort: 'asc' } as AuditSearchInput),
    ).rejects.toMatchObject({ status: 400 });
  });

  it('treats blank values as no filter, as a cleared form sends them', async () => {
    expect(await ids({ action: '', customerId: null, actor: undefined })).toEqual(newestFirst);
  });

  it('lets viewers read the audit trail, but not API keys', async () => {
    expect((await searchAuditEvents(viewer, { limit: 2 })).events).toHaveLength(2);
    await expect(searchAuditEvents(apiKey, {})).rejects.toThrow(ForbiddenError);
  });
});

describe('listAuditActors', () => {
  it('offers staff members by email and API keys by name', async () => {
    await db.insert(staffUsers).values([
      { id: 'staff_b', name: 'Bea', email: 'bea@example.com', role: 'support' },
      { id: 'staff_a', name: 'Al', email: 'al@example.com', role: 'admin' },
    ]);
    await db.insert(apiKeys).values({
      id: 'key_actors01',
      name: 'Billing',
      mode: 'live',
      prefix: 'sk_live_abc',
      hash: 'hash-actors-01',
    });
    expect(await listAuditActors(viewer)).toEqual([
      { id: 'staff_a', label: 'al@example.com', kind: 'staff' },
      { id: 'staff_b', label: 'bea@example.com', kind: 'staff' },
      { id: 'key_actors01', label: 'Billing (live)', kind: 'api_key' },
    ]);
    await expect(listAuditActors(apiKey)).rejects.toThrow(ForbiddenError);
  });
});
