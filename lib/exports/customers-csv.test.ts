import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { auditEvents, customers, walletBalances, wallets, type NewCustomer } from '@/db/schema';
import type { StaffActor } from '@/lib/auth/actor';
import type { RequestContext } from '@/lib/context';
import { listCustomersForConsole } from '@/lib/customers/console-list';
import type { ConsoleCustomerListParams } from '@/lib/customers/search-params';
import { generateAddress } from '@/lib/wallets/addresses';
import { createCsvRecordCounter, csvCell } from './csv';
import { CUSTOMER_CSV_COLUMNS, exportCustomersCsv } from './customers-csv';

const staff = (role: StaffActor['role']): StaffActor => ({
  kind: 'staff',
  id: `staff_csv_${role}`,
  role,
  name: role,
  email: `${role}@example.com`,
});
let requestNumber = 0;
const as = (role: StaffActor['role']): RequestContext => ({
  actor: staff(role),
  requestId: `req_csvtest${String(++requestNumber).padStart(5, '0')}`,
  source: 'dashboard',
});

/** RFC 4180 parsing, strict enough to catch a broken quote or line end. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += c;
  }
  expect(quoted).toBe(false);
  expect(record).toEqual([]);
  expect(field).toBe('');
  return records;
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Exports with a small page size, so a handful of rows spans several keyset pages. */
async function exportRows(
  role: StaffActor['role'],
  params: Partial<ConsoleCustomerListParams>,
  batchSize = 4,
) {
  const context = as(role);
  const result = await exportCustomersCsv(context, params, { batchSize });
  const bytes = await readAll(result.stream);
  const [header, ...rows] = parseCsv(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  return { header, rows, bytes, result, requestId: context.requestId };
}

const column = (name: (typeof CUSTOMER_CSV_COLUMNS)[number]) => CUSTOMER_CSV_COLUMNS.indexOf(name);

const ODD = 'cus_csvodd0000000001';
const AT = new Date('2026-04-01T12:00:00.000Z');

beforeAll(async () => {
  // 27 approved businesses (three share one instant), 13 other customers, one erased.
  const businesses: NewCustomer[] = Array.from({ length: 27 }, (_, n) => ({
    id: `biz_csv${String(n).padStart(13, '0')}`,
    type: 'business',
    status: 'approved',
    legalName: `Business ${n}`,
    website: 'https://example.com',
    email: `ops${n}@business${n}.example`,
    phone: `+4420794600${String(n).padStart(2, '0')}`,
    country: 'GB',
    externalId: `ext-${n}`,
    hasFunds: n === 5,
    createdAt: n < 3 ? AT : new Date(Date.UTC(2026, 0, 1 + n)),
  }));
  const others: NewCustomer[] = Array.from({ length: 12 }, (_, n) => ({
    id: `cus_csv${String(n).padStart(13, '0')}`,
    type: 'individual',
    status: n % 2 ? 'approved' : 'under_review',
    firstName: 'Person',
    lastName: String(n),
    createdAt: new Date(Date.UTC(2026, 1, 1 + n)),
  }));
  await db.insert(customers).values([
    ...businesses,
    ...others,
    { id: 'biz_csvgone000000001', type: 'business', status: 'approved', deletedAt: new Date() },
    {
      id: ODD,
      type: 'individual',
      status: 'rejected',
      firstName: '=HYPERLINK("http://evil.example","Zoë")',
      middleName: 'Jo, "JJ"',
      lastName: 'Line\nBreak',
      email: '@odd@example.com',
      phone: '+15555550123',
      externalId: '-1+1',
      createdAt: new Date('2025-12-01T00:00:00.000Z'),
    },
  ]);
  await db.insert(wallets).values({
    id: 'wal_csv0000000000001',
    customerId: 'biz_csv0000000000005',
    network: 'polygon',
    address: generateAddress('polygon'),
  });
  await db
    .insert(walletBalances)
    .values({ walletId: 'wal_csv0000000000001', currency: 'USDC', amount: '1234.565' });
});

describe('exportCustomersCsv', () => {
  it('exports exactly the rows matching the filters, across several keyset pages, newest first', async () => {
    const filter: Partial<ConsoleCustomerListParams> = {
      type: 'business',
      statuses: ['approved'],
    };
    const { header, rows } = await exportRows('admin', filter);
    expect(header).toEqual([...CUSTOMER_CSV_COLUMNS]);
    expect(rows).toHaveLength(27);
    expect(rows.every((row) => row[column('type')] === 'business')).toBe(true);
    expect(rows.every((row) => row[column('status')] === 'approved')).toBe(true);
    const ids = rows.map((row) => row[column('id')]);
    expect(new Set(ids).size).toBe(27);
    expect(ids).not.toContain('biz_csvgone000000001');
    // Newest first: the three of one instant (the newest) by id, descending, then by time.
    expect(ids.slice(0, 5)).toEqual([
      'biz_csv0000000000002',
      'biz_csv0000000000001',
      'biz_csv0000000000000',
      'biz_csv0000000000026',
      'biz_csv0000000000025',
    ]);
    expect(ids.slice(-2)).toEqual(['biz_csv0000000000004', 'biz_csv0000000000003']);
    const list = await listCustomersForConsole(staff('admin'), filter);
    expect(list.totalCount).toBe(rows.length);
  });

  it('ends cleanly when the last page is exactly full', async () => {
    const { rows } = await exportRows('admin', { type: 'individual', statuses: ['approved'] }, 3);
    expect(rows.map((row) => row[column('name')])).toEqual(
      ['11', '9', '7', '5', '3', '1'].map((n) => `Person ${n}`),
    );
  });

  it('applies every filter of the list: search, dates and funds', async () => {
    expect((await exportRows('admin', { q: 'business 1' })).rows).toHaveLength(11);
    const dated = await exportRows('admin', { createdFrom: '2026-02-01', createdTo: '2026-02-03' });
    expect(dated.rows.map((row) => row[column('id')])).toEqual([
      'cus_csv0000000000002',
      'cus_csv0000000000001',
      'cus_csv0000000000000',
    ]);
    const funded = await exportRows('admin', { hasBalance: true });
    expect(funded.rows.map((row) => row[column('id')])).toEqual(['biz_csv0000000000005']);
  });

  it('gives every column, the exact USD total rounded half-even, and ISO times', async () => {
    const { rows } = await exportRows('support', { q: 'ops5@business5' });
    expect(rows).toEqual([
      [
        'biz_csv0000000000005',
        'business',
        'approved',
        'Business 5',
        'ops5@business5.example',
        "'+442079460005",
        'GB',
        'ext-5',
        '1234.56',
        '2026-01-06T00:00:00.000Z',
      ],
    ]);
  });

  it('escapes quotes, commas and line breaks, defuses formulas and keeps UTF-8', async () => {
    const { rows, bytes } = await exportRows('admin', { statuses: ['rejected'] });
    expect(rows).toEqual([
      [
        ODD,
        'individual',
        'rejected',
        `'=HYPERLINK("http://evil.example","Zoë") Jo, "JJ" Line\nBreak`,
        "'@odd@example.com",
        "'+15555550123",
        '',
        "'-1+1",
        '0.00',
        '2025-12-01T00:00:00.000Z',
      ],
    ]);
    expect(Buffer.from(bytes).toString('utf8')).toContain(
      `"'=HYPERLINK(""http://evil.example"",""Zoë"") Jo, ""JJ"" Line\nBreak"`,
    );
  });

  it('masks email and phone for viewers, and only for them', async () => {
    const filter = { q: 'ops7@business7' };
    const viewer = await exportRows('viewer', filter);
    expect(viewer.result.masked).toBe(true);
    expect(viewer.rows[0]?.[column('email')]).toBe('o•••@business7.example');
    expect(viewer.rows[0]?.[column('phone')]).toBe("'+4•••••••0007");
    const admin = await exportRows('admin', filter);
    expect(admin.result.masked).toBe(false);
    expect(admin.rows[0]?.[column('email')]).toBe('ops7@business7.example');
  });

  it('is audited with the filters used, the search term itself left out', async () => {
    const { requestId } = await exportRows('support', {
      type: 'business',
      statuses: ['approved', 'under_review'],
      createdFrom: '2026-01-01',
      hasBalance: true,
      q: 'ops5@business5',
      page: 3,
    });
    const events = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.requestId, requestId)));
    expect(events).toEqual([
      expect.objectContaining({
        action: 'customers.exported',
        actorId: 'staff_csv_support',
        source: 'dashboard',
        customerId: null,
        after: {
          filters: {
            type: 'business',
            statuses: ['approved', 'under_review'],
            createdFrom: '2026-01-01',
            hasBalance: true,
            search: true,
          },
          masked: false,
        },
      }),
    ]);
    expect(JSON.stringify(events)).not.toContain('ops5');
  });

  it('stops quietly when the reader cancels, even with a page on its way', async () => {
    const logged = vi.spyOn(console, 'error');
    const { stream } = await exportCustomersCsv(as('admin'), {}, { batchSize: 2 });
    const reader = stream.getReader();
    const header = await reader.read();
    const firstPage = await reader.read();
    expect(createCsvRecordCounter().push(header.value!)).toBe(1);
    expect(createCsvRecordCounter().push(firstPage.value!)).toBe(2);
    // Taking the first page starts the read of the second (a turn later); cancel while it runs.
    await new Promise((resolve) => setImmediate(resolve));
    await reader.cancel();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(logged).not.toHaveBeenCalled();
    logged.mockRestore();
  });
});

describe('csv helpers', () => {
  it('quotes only what needs quoting and prefixes formula starts', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(null)).toBe('');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\r\nlines')).toBe('"two\r\nlines"');
    for (const start of ['=', '+', '-', '@', '\t']) {
      expect(csvCell(`${start}1`)).toBe(`'${start}1`);
    }
    expect(csvCell('=1,2')).toBe(`"'=1,2"`);
  });

  it('counts records across chunks, line breaks inside quotes not included', () => {
    const counter = createCsvRecordCounter();
    const bytes = new TextEncoder().encode('a,b\r\n"x\r\ny",""""\r\nü,z\r\n');
    expect(counter.push(bytes.subarray(0, 7))).toBe(1);
    expect(counter.push(bytes.subarray(7))).toBe(3);
  });
});
