import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditEvents, customers, ledgerEntries, wallets } from '@/db/schema';

async function countsFor(type: 'individual' | 'business') {
  const result = await db.execute<{ status: string; count: string }>(
    sql`select status, sum(count) as count from customer_counts where type = ${type} group by status order by status`,
  );
  return Object.fromEntries(result.rows.map((r) => [r.status, Number(r.count)]));
}

describe('database rules', () => {
  it('refuses to update or delete audit events', async () => {
    await db
      .insert(auditEvents)
      .values({ actorType: 'system', source: 'system', action: 'test.event' });
    await expect(db.execute(sql`update audit_events set action = 'changed'`)).rejects.toThrow();
    await expect(db.execute(sql`delete from audit_events`)).rejects.toThrow();
    const rows = await db.select().from(auditEvents);
    expect(rows.map((r) => r.action)).toEqual(['test.event']);
  });

  it('refuses to update or delete ledger entries', async () => {
    await db.insert(customers).values({ id: 'cus_ledgerowner000001', type: 'individual' });
    await db.insert(wallets).values({
      id: 'wal_ledgerwallet00001',
      customerId: 'cus_ledgerowner000001',
      network: 'polygon',
      address: '0x' + 'a'.repeat(40),
    });
    await db.insert(ledgerEntries).values({
      walletId: 'wal_ledgerwallet00001',
      currency: 'USDC',
      kind: 'credit',
      amount: '10',
    });
    await expect(db.execute(sql`update ledger_entries set amount = 20`)).rejects.toThrow();
    await expect(db.execute(sql`delete from ledger_entries`)).rejects.toThrow();
  });

  it('keeps live customer totals per type and status in step with every write', async () => {
    const before = await countsFor('business');
    await db.insert(customers).values([
      { id: 'biz_counts00000000001', type: 'business', status: 'approved' },
      { id: 'biz_counts00000000002', type: 'business', status: 'approved' },
      { id: 'biz_counts00000000003', type: 'business', status: 'rejected' },
    ]);
    await db.execute(
      sql`update customers set status = 'rejected' where id = 'biz_counts00000000001'`,
    );
    await db.execute(
      sql`update customers set deleted_at = now() where id = 'biz_counts00000000002'`,
    );
    const after = await countsFor('business');
    expect(after.approved! - before.approved!).toBe(0);
    expect(after.rejected! - before.rejected!).toBe(2);
    const live = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from customers where type = 'business' and deleted_at is null`,
    );
    expect(Object.values(after).reduce((a, b) => a + b, 0)).toBe(live.rows[0]!.n);
  });

  it('keeps emails unique among live customers, ignoring case, and frees them on deletion', async () => {
    await db
      .insert(customers)
      .values({ id: 'cus_unique0000000001', type: 'individual', email: 'Jo@Example.com' });
    await expect(
      db
        .insert(customers)
        .values({ id: 'cus_unique0000000002', type: 'individual', email: 'jo@example.com' }),
    ).rejects.toThrow();
    await db.execute(
      sql`update customers set email = null, deleted_at = now() where id = 'cus_unique0000000001'`,
    );
    await db
      .insert(customers)
      .values({ id: 'cus_unique0000000003', type: 'individual', email: 'jo@example.com' });
  });

  it('finds customers by a name substring through the trigram search column', async () => {
    await db.insert(customers).values({
      id: 'cus_search0000000001',
      type: 'individual',
      firstName: 'Grace',
      lastName: 'Hopper',
      email: 'grace@navy.example',
    });
    const result = await db.execute<{ id: string }>(
      sql`select id from customers where search_text like '%hopp%' and deleted_at is null`,
    );
    expect(result.rows.map((r) => r.id)).toEqual(['cus_search0000000001']);
  });
});
