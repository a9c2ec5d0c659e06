import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as createCustomerRoute } from '@/app/v1/customers/route';
import { db } from '@/db/client';
import {
  auditEvents,
  customers,
  deletionRequests,
  idempotencyKeys,
  kycDecisions,
  staffUsers,
} from '@/db/schema';
import type { StaffActor } from '@/lib/auth/actor';
import type { RequestContext } from '@/lib/context';
import { revealCustomerContact } from '@/lib/customers/contact';
import { eraseCustomerInTransaction, updateCustomer } from '@/lib/customers/commands';
import { recordKycDecision } from '@/lib/kyc/commands';
import { moveSandboxFunds } from '@/lib/ledger/commands';
import { createWallet } from '@/lib/wallets/commands';
import { call, createTestApiKey } from '@/test/api';
import { fileDeletionRequest, reviewDeletionRequest } from './commands';
import { getDeletionReceipt } from './queries';

const staff = (id: string, role: StaffActor['role']): StaffActor => ({
  kind: 'staff',
  id,
  role,
  name: `Staff ${id}`,
  email: `${id}@staff.example`,
});
const filer = staff('erasure-support', 'support');
const reviewer = staff('erasure-admin-reviewer', 'admin');
const kycAdmin = staff('erasure-admin-kyc', 'admin');
const viewer = staff('erasure-viewer', 'viewer');
const as = (actor: StaffActor, requestId = 'req_erasuretest0001'): RequestContext => ({
  actor,
  requestId,
  source: 'dashboard',
});

let apiKey: string;
beforeAll(async () => {
  await db.insert(staffUsers).values(
    [filer, reviewer, kycAdmin, viewer].map(({ id, name, email, role }) => ({
      id,
      name,
      email,
      role,
    })),
  );
  apiKey = await createTestApiKey('erasure test');
});

/**
 * Distinctive values, ASCII only (so no JSON escaping can hide one from the scan) and long
 * enough that no id or hash contains one by chance. Two-letter country codes are left out
 * of the scan for that reason: "HU" occurs in random base62 ids.
 */
function personalInput(kind: 'individual' | 'business') {
  const tag = `${kind.slice(0, 3)}${Date.now().toString(36)}`;
  const common = {
    email: `zorbanella.${tag}@erasure-scan.example`,
    phone: kind === 'individual' ? '+36 1 555 0147' : '+36 1 555 0258',
    country: 'HU',
    externalId: `crm-zorb-${tag}`,
    metadata: { loyaltyNote: `prefers-quokkas-${tag}`, referredBy: `uncle-gyula-${tag}` },
    shareToken: `sumsub-share-token-${tag}`,
  };
  return kind === 'individual'
    ? {
        ...common,
        type: 'individual' as const,
        firstName: `Zorbanella${tag}`,
        middleName: `Quixotica${tag}`,
        lastName: `Vantablackova${tag}`,
        birthDate: '1931-02-17',
        residentialAddress: {
          streetLine1: `17 Quarrelsome Lane ${tag}`,
          streetLine2: `Flat Nonagon ${tag}`,
          city: `Xylophonia${tag}`,
          state: `Wexmoreshire${tag}`,
          postalCode: `QX9Z ${tag}`,
          country: 'HU',
        },
      }
    : {
        ...common,
        type: 'business' as const,
        legalName: `Zorbanella Quokka Holdings ${tag}`,
        website: `https://zorbanella-quokka-${tag}.example`,
      };
}

type Seeded = {
  id: string;
  input: ReturnType<typeof personalInput>;
  idempotencyKey: string;
  values: string[];
  walletAddresses: string[];
  requestId: string;
};

/** Every string that must be gone after the erasure: as given, and as stored. */
function valuesToScan(input: ReturnType<typeof personalInput>, stored: Record<string, unknown>) {
  const given = Object.entries(input).flatMap(([key, value]) => {
    // The share token is never stored in plain text (only its ciphertext), so it is not sought.
    if (key === 'type' || key === 'country' || key === 'shareToken') return [];
    if (value && typeof value === 'object') {
      return Object.entries(value)
        .filter(([field]) => field !== 'country')
        .map(([, nested]) => String(nested));
    }
    return [String(value)];
  });
  return [...new Set([...given, String(stored.phone)])];
}

/**
 * A customer with a value in every personal field and a trail through every table that can
 * hold something about them: created through the API with an Idempotency-Key (the stored
 * response), updated, wallets and ledger entries, a KYC decision whose reason quotes them, a
 * contact reveal, a rejected deletion request and an open one whose texts quote them.
 */
async function seedCustomer(kind: 'individual' | 'business'): Promise<Seeded> {
  const input = personalInput(kind);
  const idempotencyKey = randomUUID();
  const created = await call(
    createCustomerRoute,
    'POST',
    '/v1/customers',
    {},
    {
      key: apiKey,
      body: input,
      headers: { 'Idempotency-Key': idempotencyKey },
    },
  );
  expect(created.status).toBe(201);
  const id = created.json.id as string;
  await updateCustomer(as(kycAdmin), id, {
    metadata: { lastContact: `hotline-${input.externalId}` },
  });
  const values = [...valuesToScan(input, created.json), `hotline-${input.externalId}`];
  const name = 'legalName' in input ? input.legalName : `${input.firstName} ${input.lastName}`;

  const walletAddresses: string[] = [];
  for (const network of ['polygon', 'solana'] as const) {
    const wallet = await createWallet(as(filer), id, { network });
    walletAddresses.push(wallet.address);
    const currency = network === 'polygon' ? 'USDC' : 'SOL';
    await moveSandboxFunds(as(filer), wallet.id, 'credit', { currency, amount: '3' });
    await moveSandboxFunds(as(filer), wallet.id, 'debit', { currency, amount: '3' });
  }
  await recordKycDecision(as(kycAdmin), id, {
    decision: 'request_more',
    reason: `Passport of ${name} is blurred; asked ${input.email} for a new scan.`,
  });
  await revealCustomerContact(as(viewer), id);

  const first = await fileDeletionRequest(as(filer), {
    customerId: id,
    channel: 'phone',
    externalReference: `CALL-${Date.now()}`,
    receivedOn: '2026-10-01',
    note: `${name} rang from ${input.phone}.`,
  });
  await reviewDeletionRequest(as(reviewer), first.id, {
    decision: 'reject',
    reason: `Caller could not confirm ${input.email}.`,
  });
  const second = await fileDeletionRequest(as(filer), {
    customerId: id,
    channel: 'letter',
    externalReference: `LTR-${Date.now()}`,
    receivedOn: '2026-11-01',
    note: `Signed letter from ${name}, ${input.externalId}; metadata ${input.metadata.loyaltyNote}.`,
  });
  return { id, input, idempotencyKey, values, walletAddresses, requestId: second.id };
}

type Hit = { table: string; column: string; value: string; count: number };

/** Every column of every table in the public schema, searched for each value. */
async function findAnywhere(values: string[]): Promise<Hit[]> {
  const columns = await db.execute<{ table_name: string; column_name: string }>(sql`
    select c.table_name, c.column_name
      from information_schema.columns c
      join information_schema.tables t
        on t.table_schema = c.table_schema and t.table_name = c.table_name
     where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
       and c.data_type in ('text', 'character varying', 'character', 'jsonb', 'json', 'ARRAY', 'date')
     order by 1, 2`);
  expect(columns.rows.length).toBeGreaterThan(50);
  const patterns = values.map((value) => ({
    value,
    pattern: `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
  }));
  const patternList = sql.join(
    patterns.map(({ pattern }) => sql`${pattern}`),
    sql`, `,
  );
  const hits: Hit[] = [];
  for (const { table_name: table, column_name: column } of columns.rows) {
    // `count(*) … where column::text ilike '%value%'` for every value, in one round trip.
    const result = await db.execute<{ pattern: string; n: number }>(sql`
      select p.pattern, count(*)::int as n
        from ${sql.identifier(table)} t
        cross join unnest(array[${patternList}]::text[]) as p(pattern)
       where t.${sql.identifier(column)}::text ilike p.pattern
       group by p.pattern`);
    for (const row of result.rows) {
      const value = patterns.find(({ pattern }) => pattern === row.pattern)!.value;
      hits.push({ table, column, value, count: row.n });
    }
  }
  return hits;
}

describe('erasure through an approved deletion request', () => {
  it('leaves none of the customer’s personal values in any column of any table', async () => {
    const individual = await seedCustomer('individual');
    const business = await seedCustomer('business');
    const values = [...individual.values, ...business.values];

    // The scan finds what it looks for: before the approvals every value is somewhere.
    const before = await findAnywhere(values);
    expect(new Set(before.map((hit) => hit.value))).toEqual(new Set(values));
    expect(new Set(before.map((hit) => hit.table))).toEqual(
      new Set(['customers', 'deletion_requests', 'idempotency_keys', 'kyc_decisions']),
    );

    for (const seeded of [individual, business]) {
      await reviewDeletionRequest(as(reviewer), seeded.requestId, { decision: 'approve' });
    }

    expect(await findAnywhere(values)).toEqual([]);

    // What is kept stays: wallets under AML retention, the KYC decision without its reason,
    // both requests without their texts, the audit trail, and the receipt.
    for (const seeded of [individual, business]) {
      const kept = await findAnywhere(seeded.walletAddresses);
      expect(kept.map((hit) => `${hit.table}.${hit.column}`)).toEqual([
        'wallets.address',
        'wallets.address',
      ]);
      const [decision] = await db
        .select()
        .from(kycDecisions)
        .where(eq(kycDecisions.customerId, seeded.id));
      expect(decision).toMatchObject({ decision: 'request_more', reason: '[erased]' });
      const requests = await db
        .select()
        .from(deletionRequests)
        .where(eq(deletionRequests.customerId, seeded.id));
      expect(requests.map((r) => [r.status, r.note, r.decisionReason])).toEqual(
        expect.arrayContaining([
          ['rejected', null, null],
          ['completed', null, null],
        ]),
      );
      const receipt = await getDeletionReceipt(as(reviewer), seeded.requestId);
      expect(receipt.erased.map(({ what, count }) => [what, count])).toEqual([
        ['Customer profile', 1],
        ['KYC decision reasons', 1],
        ['Deletion request notes and decision reasons', 2],
        ['Stored API responses (idempotent retries)', 1],
      ]);
    }
  });

  it('answers a retried create of an erased customer with 404, not the stored personal data', async () => {
    const seeded = await seedCustomer('individual');
    await reviewDeletionRequest(as(reviewer), seeded.requestId, { decision: 'approve' });
    const retried = await call(
      createCustomerRoute,
      'POST',
      '/v1/customers',
      {},
      {
        key: apiKey,
        body: seeded.input,
        headers: { 'Idempotency-Key': seeded.idempotencyKey },
      },
    );
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(retried.status).toBe(404);
    expect(retried.json).toMatchObject({ code: 'customer_not_found' });
    expect(JSON.stringify(retried.json)).not.toContain(seeded.input.email);
    const stored = await db
      .select({ status: idempotencyKeys.responseStatus })
      .from(idempotencyKeys)
      .where(eq(idempotencyKeys.key, seeded.idempotencyKey));
    expect(stored).toEqual([{ status: 404 }]);
    // Nothing was created again.
    const [{ n }] = (
      await db.execute<{ n: number }>(
        sql`select count(*)::int as n from customers where external_id = ${seeded.input.externalId}`,
      )
    ).rows as [{ n: number }];
    expect(n).toBe(0);
  });
});

/** The database's own message for a refused statement (Drizzle wraps it as the cause). */
async function databaseMessage(statement: Promise<unknown>): Promise<string> {
  try {
    await statement;
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? cause.message : String(error);
  }
  return 'the statement succeeded';
}

describe('the audit trail', () => {
  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    const [event] = await db.select({ id: auditEvents.id }).from(auditEvents).limit(1);
    expect(event).toBeDefined();
    for (const statement of [
      sql`update audit_events set action = 'tampered' where id = ${event!.id}`,
      sql`delete from audit_events where id = ${event!.id}`,
      sql`truncate audit_events`,
    ]) {
      await expect(databaseMessage(db.execute(statement))).resolves.toMatch(
        /audit_events is append-only: (UPDATE|DELETE|TRUNCATE) refused/,
      );
    }
    const [still] = await db.select().from(auditEvents).where(eq(auditEvents.id, event!.id));
    expect(still?.action).not.toBe('tampered');
  });
});

describe('an erasure interrupted before commit', () => {
  it('leaves every personal field, text and stored response as it was, and no audit event', async () => {
    const seeded = await seedCustomer('individual');
    const [customerBefore] = await db.select().from(customers).where(eq(customers.id, seeded.id));
    const textsBefore = await db
      .select({ note: deletionRequests.note, reason: deletionRequests.decisionReason })
      .from(deletionRequests)
      .where(eq(deletionRequests.customerId, seeded.id));
    const [kycBefore] = await db
      .select({ reason: kycDecisions.reason })
      .from(kycDecisions)
      .where(eq(kycDecisions.customerId, seeded.id));

    class Crash extends Error {}
    const crashRequest = 'req_crashbeforecommit';
    await expect(
      db.transaction(async (tx) => {
        const erasure = await eraseCustomerInTransaction(tx, as(reviewer, crashRequest), seeded.id);
        expect(erasure.deletedAt).toBeInstanceOf(Date);
        throw new Crash('the process died before COMMIT');
      }),
    ).rejects.toBeInstanceOf(Crash);

    const [customerAfter] = await db.select().from(customers).where(eq(customers.id, seeded.id));
    expect(customerAfter).toEqual(customerBefore);
    for (const field of [
      'firstName',
      'middleName',
      'lastName',
      'email',
      'phone',
      'birthDate',
      'country',
      'externalId',
      'residentialAddress',
      'kycShareTokenEncrypted',
    ] as const) {
      expect(customerAfter?.[field], field).not.toBeNull();
    }
    expect(Object.keys(customerAfter!.metadata)).toHaveLength(3);
    expect(customerAfter?.deletedAt).toBeNull();
    expect(
      await db
        .select({ note: deletionRequests.note, reason: deletionRequests.decisionReason })
        .from(deletionRequests)
        .where(eq(deletionRequests.customerId, seeded.id)),
    ).toEqual(textsBefore);
    const [kycAfter] = await db
      .select({ reason: kycDecisions.reason })
      .from(kycDecisions)
      .where(eq(kycDecisions.customerId, seeded.id));
    expect(kycAfter).toEqual(kycBefore);
    expect(new Set((await findAnywhere(seeded.values)).map((hit) => hit.value))).toEqual(
      new Set(seeded.values),
    );
    const crashEvents = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.customerId, seeded.id), eq(auditEvents.requestId, crashRequest)));
    expect(crashEvents).toEqual([]);
    const deletions = await db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.customerId, seeded.id), eq(auditEvents.action, 'customer.deleted')),
      );
    expect(deletions).toEqual([]);
  });
});
