import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditEvents, customers, deletionRequests, staffUsers } from '@/db/schema';
import type { StaffActor } from '@/lib/auth/actor';
import type { RequestContext } from '@/lib/context';
import { createCustomer, deleteCustomer } from '@/lib/customers/commands';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import { moveSandboxFunds } from '@/lib/ledger/commands';
import { createWallet } from '@/lib/wallets/commands';
import { fileDeletionRequest, reviewDeletionRequest } from './commands';
import {
  getDeletionReceipt,
  getDeletionRequest,
  getOpenDeletionRequestForCustomer,
  listDeletionRequests,
} from './queries';

const staff = (id: string, role: StaffActor['role'], name: string): StaffActor => ({
  kind: 'staff',
  id,
  role,
  name,
  email: `${id}@example.com`,
});
const filingAdmin = staff('staff-admin-one', 'admin', 'Ada One');
const otherAdmin = staff('staff-admin-two', 'admin', 'Ben Two');
const support = staff('staff-support', 'support', 'Sam Support');
const viewer = staff('staff-viewer', 'viewer', 'Val Viewer');

const as = (actor: StaffActor): RequestContext => ({
  actor,
  requestId: `req_${actor.id.replace(/\W/g, '')}`,
  source: 'dashboard',
});

beforeAll(async () => {
  await db.insert(staffUsers).values(
    [filingAdmin, otherAdmin, support, viewer].map(({ id, name, email, role }) => ({
      id,
      name,
      email,
      role,
    })),
  );
});

let sequence = 0;
/** A live individual with a value in every personal field, unique to this call. */
async function personalCustomer() {
  sequence += 1;
  const tag = `${Date.now().toString(36)}${sequence}`;
  const { customer } = await createCustomer(as(otherAdmin), {
    firstName: `Orsolya${tag}`,
    middleName: `Piroska${tag}`,
    lastName: `Quennell${tag}`,
    email: `orsolya.${tag}@erase.example`,
    phone: `+44 20 7946 ${String(1000 + sequence).slice(-4)}`,
    birthDate: '1979-04-23',
    country: 'HU',
    externalId: `crm-${tag}`,
    residentialAddress: {
      streetLine1: `${sequence} Vörösmarty Sétány ${tag}`,
      city: `Kecskemétke${tag}`,
      state: `Bács-Kiskun-${tag}`,
      postalCode: `H-${tag}`,
      country: 'HU',
    },
    metadata: { favouriteColour: `teal-${tag}`, crmSegment: `vip-${tag}` },
  });
  return customer;
}

/** Every identifying value of a customer as stored, for "none of these remain" checks. */
function personalValues(customer: Awaited<ReturnType<typeof personalCustomer>>): string[] {
  const address = customer.residentialAddress!;
  return [
    customer.firstName!,
    customer.middleName!,
    customer.lastName!,
    customer.email!,
    customer.phone!,
    customer.externalId!,
    customer.birthDate!,
    address.streetLine1,
    address.city,
    address.state,
    address.postalCode,
    ...Object.values(customer.metadata).map(String),
  ];
}

const fileFor = (customerId: string, actor = support, receivedOn = '2026-11-02') =>
  fileDeletionRequest(as(actor), {
    customerId,
    channel: 'email',
    externalReference: 'ZD-48213',
    receivedOn,
    note: 'Asked by e-mail to close the account and erase everything.',
  });

describe('fileDeletionRequest', () => {
  it('makes the request due one calendar month after receipt, clamped to the end of a shorter month', async () => {
    const first = await personalCustomer();
    const second = await personalCustomer();
    const endOfJanuary = await fileFor(first.id, support, '2026-01-31');
    const midMarch = await fileFor(second.id, filingAdmin, '2026-03-15');
    expect(endOfJanuary).toMatchObject({
      status: 'open',
      receivedOn: '2026-01-31',
      dueOn: '2026-02-28',
      filedBy: support.id,
      channel: 'email',
      externalReference: 'ZD-48213',
    });
    expect(midMarch.dueOn).toBe('2026-04-15');
  });

  it('refuses a second open request for the same customer with a 409', async () => {
    const customer = await personalCustomer();
    const open = await fileFor(customer.id);
    const second = fileFor(customer.id, filingAdmin);
    await expect(second).rejects.toBeInstanceOf(ConflictError);
    await expect(second).rejects.toMatchObject({ status: 409, code: 'deletion_request_open' });
    await expect(second).rejects.toThrow(open.id);
  });

  it('accepts a new request once the previous one was rejected', async () => {
    const customer = await personalCustomer();
    const first = await fileFor(customer.id);
    await reviewDeletionRequest(as(otherAdmin), first.id, {
      decision: 'reject',
      reason: 'Identity not confirmed.',
    });
    await expect(fileFor(customer.id)).resolves.toMatchObject({ status: 'open' });
  });

  it('refuses a future receipt date, an unknown channel and viewers', async () => {
    const customer = await personalCustomer();
    await expect(
      fileDeletionRequest(as(support), {
        customerId: customer.id,
        channel: 'fax' as 'email',
        receivedOn: '2999-01-01',
      }),
    ).rejects.toMatchObject({
      errors: [
        { field: 'channel', message: 'Choose how the request arrived' },
        { field: 'receivedOn', message: 'Cannot be in the future' },
      ],
    });
    await expect(fileFor(customer.id, viewer)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('refuses an external reference that names the person, since the receipt keeps it', async () => {
    const customer = await personalCustomer();
    for (const externalReference of [
      `Mail from ${customer.email}`,
      `${customer.lastName!.toUpperCase()}-1`,
      'call 020 7946 1000 back'.replace('1000', customer.phone!.slice(-4)),
    ]) {
      await expect(
        fileDeletionRequest(as(support), {
          customerId: customer.id,
          channel: 'letter',
          receivedOn: '2026-11-01',
          externalReference,
        }),
      ).rejects.toMatchObject({ errors: [{ field: 'externalReference' }] });
    }
  });

  it('answers not found for unknown and deleted customers', async () => {
    const deleted = await personalCustomer();
    await deleteCustomer(as(otherAdmin), deleted.id);
    for (const customerId of [deleted.id, 'cus_doesnotexist0000000']) {
      await expect(fileFor(customerId)).rejects.toBeInstanceOf(NotFoundError);
    }
  });
});

describe('reviewDeletionRequest', () => {
  it('refuses the admin who filed the request (four eyes) and lets another admin approve', async () => {
    const customer = await personalCustomer();
    const request = await fileFor(customer.id, filingAdmin);

    for (const decision of [
      { decision: 'approve' as const },
      { decision: 'reject' as const, reason: 'Changed my mind' },
    ]) {
      const own = reviewDeletionRequest(as(filingAdmin), request.id, decision);
      await expect(own).rejects.toBeInstanceOf(ForbiddenError);
      await expect(own).rejects.toThrow(/four-eyes/);
    }
    expect((await getDeletionRequest(otherAdmin, request.id)).status).toBe('open');

    const approved = await reviewDeletionRequest(as(otherAdmin), request.id, {
      decision: 'approve',
    });
    expect(approved).toMatchObject({ status: 'completed', reviewedBy: otherAdmin.id });
    expect(approved.reviewedAt).toBeInstanceOf(Date);
  });

  it('refuses support and viewers, who may not review', async () => {
    const customer = await personalCustomer();
    const request = await fileFor(customer.id, filingAdmin);
    for (const actor of [support, viewer]) {
      await expect(
        reviewDeletionRequest(as(actor), request.id, { decision: 'approve' }),
      ).rejects.toBeInstanceOf(ForbiddenError);
    }
    const [row] = await db.select().from(customers).where(eq(customers.id, customer.id));
    expect(row?.deletedAt).toBeNull();
  });

  it('needs a reason to reject, and keeps it with the closed request', async () => {
    const customer = await personalCustomer();
    const request = await fileFor(customer.id);
    for (const reason of [undefined, '', '   ']) {
      const rejection = reviewDeletionRequest(as(otherAdmin), request.id, {
        decision: 'reject',
        reason,
      } as { decision: 'reject'; reason: string });
      await expect(rejection).rejects.toBeInstanceOf(ValidationError);
      await expect(rejection).rejects.toMatchObject({ errors: [{ field: 'reason' }] });
    }

    const rejected = await reviewDeletionRequest(as(otherAdmin), request.id, {
      decision: 'reject',
      reason: 'The request came from an address we cannot tie to the customer.',
    });
    expect(rejected).toMatchObject({
      status: 'rejected',
      decisionReason: 'The request came from an address we cannot tie to the customer.',
      receipt: null,
    });
    const [row] = await db.select().from(customers).where(eq(customers.id, customer.id));
    expect(row?.deletedAt).toBeNull();
    await expect(
      reviewDeletionRequest(as(otherAdmin), request.id, { decision: 'approve' }),
    ).rejects.toMatchObject({ status: 409, code: 'deletion_request_closed' });
  });

  it('blocks an approval while funds remain: the customer stays intact and the request open', async () => {
    const customer = await personalCustomer();
    const wallet = await createWallet(as(support), customer.id, { network: 'polygon' });
    await moveSandboxFunds(as(support), wallet.id, 'credit', { currency: 'USDC', amount: '0.01' });
    const request = await fileFor(customer.id);

    await expect(
      reviewDeletionRequest(as(otherAdmin), request.id, { decision: 'approve' }),
    ).rejects.toMatchObject({ status: 409, code: 'customer_has_balance' });

    const [row] = await db.select().from(customers).where(eq(customers.id, customer.id));
    expect(row).toMatchObject({
      deletedAt: null,
      email: customer.email,
      firstName: customer.firstName,
      metadata: customer.metadata,
    });
    const stillOpen = await getDeletionRequest(support, request.id);
    expect(stillOpen).toMatchObject({
      status: 'open',
      reviewedBy: null,
      note: 'Asked by e-mail to close the account and erase everything.',
    });
    const approvals = await db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.customerId, customer.id),
          eq(auditEvents.action, 'deletion_request.approved'),
        ),
      );
    expect(approvals).toEqual([]);
  });

  it('erases the customer on approval and keeps a receipt holding none of its personal values', async () => {
    const customer = await personalCustomer();
    const wallet = await createWallet(as(support), customer.id, { network: 'ethereum' });
    await moveSandboxFunds(as(support), wallet.id, 'credit', { currency: 'USDC', amount: '7' });
    await moveSandboxFunds(as(support), wallet.id, 'debit', { currency: 'USDC', amount: '7' });
    const request = await fileFor(customer.id, support, '2026-11-10');

    await reviewDeletionRequest(as(otherAdmin), request.id, { decision: 'approve' });

    const [tombstone] = await db.select().from(customers).where(eq(customers.id, customer.id));
    expect(tombstone).toMatchObject({
      type: 'individual',
      firstName: null,
      middleName: null,
      lastName: null,
      email: null,
      phone: null,
      birthDate: null,
      country: null,
      externalId: null,
      residentialAddress: null,
      metadata: {},
    });
    expect(tombstone?.deletedAt).toBeInstanceOf(Date);

    const receipt = await getDeletionReceipt(as(support), request.id, 'download');
    expect(receipt).toMatchObject({
      object: 'deletion_receipt',
      deletionRequestId: request.id,
      tombstone: {
        customerId: customer.id,
        type: 'individual',
        deletedAt: tombstone!.deletedAt!.toISOString(),
      },
      request: {
        channel: 'email',
        externalReference: 'ZD-48213',
        receivedOn: '2026-11-10',
        dueOn: '2026-12-10',
        filedBy: { id: support.id, name: support.name },
      },
      approval: {
        approvedBy: { id: otherAdmin.id, name: otherAdmin.name },
        erasedBeforeReview: false,
      },
    });
    expect(receipt.erased[0]?.fields).toEqual(
      expect.arrayContaining(['firstName', 'email', 'phone', 'residentialAddress', 'metadata']),
    );
    expect(receipt.kept).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ what: 'Ledger entries', count: 2 }),
        expect.objectContaining({ what: 'Wallet addresses', count: 1, ids: [wallet.id] }),
      ]),
    );
    const serialized = JSON.stringify(receipt).toLowerCase();
    for (const value of personalValues(customer)) {
      expect(serialized, `receipt contains ${value}`).not.toContain(value.toLowerCase());
    }
    expect(serialized).not.toContain(wallet.address.toLowerCase());
    expect(serialized).not.toContain('asked by e-mail');
  });

  it('closes a request whose customer was already deleted from the console, saying so on the receipt', async () => {
    const customer = await personalCustomer();
    const request = await fileFor(customer.id);
    await deleteCustomer(as(otherAdmin), customer.id);
    expect((await getDeletionRequest(support, request.id)).note).toBeNull();

    await reviewDeletionRequest(as(otherAdmin), request.id, { decision: 'approve' });

    const receipt = await getDeletionReceipt(as(otherAdmin), request.id);
    expect(receipt.approval.erasedBeforeReview).toBe(true);
    expect(receipt.tombstone.customerId).toBe(customer.id);
  });
});

describe('queries', () => {
  it('lists open requests overdue first, then by due date, with names and days left', async () => {
    const soon = await personalCustomer();
    const overdue = await personalCustomer();
    const later = await personalCustomer();
    const today = new Date();
    const daysAgo = (n: number) =>
      new Date(today.getTime() - n * 86_400_000).toISOString().slice(0, 10);
    const laterRequest = await fileFor(later.id, support, daysAgo(1));
    const overdueRequest = await fileFor(overdue.id, filingAdmin, daysAgo(45));
    const soonRequest = await fileFor(soon.id, support, daysAgo(20));

    const open = await listDeletionRequests(support, { status: 'open' });
    const ours = open.filter((row) =>
      [laterRequest.id, overdueRequest.id, soonRequest.id].includes(row.id),
    );
    expect(ours.map((row) => row.id)).toEqual([overdueRequest.id, soonRequest.id, laterRequest.id]);
    expect(open[0]?.overdue).toBe(true);
    expect(ours[0]).toMatchObject({
      overdue: true,
      customerName: `${overdue.firstName} ${overdue.lastName}`,
      customerErased: false,
      filedBy: { id: filingAdmin.id, name: filingAdmin.name },
    });
    expect(ours[0]!.daysLeft).toBeLessThan(0);
    expect(ours[2]!.daysLeft).toBeGreaterThan(25);
    // Every overdue request comes before every request still in time.
    const firstInTime = open.findIndex((row) => !row.overdue);
    expect(open.slice(firstInTime).every((row) => !row.overdue)).toBe(true);
  });

  it('lists closed requests with the tombstone id instead of a name, and the reviewer', async () => {
    const customer = await personalCustomer();
    const request = await fileFor(customer.id);
    await reviewDeletionRequest(as(otherAdmin), request.id, { decision: 'approve' });
    const closed = await listDeletionRequests(filingAdmin, { status: 'closed' });
    expect(closed[0]).toMatchObject({
      id: request.id,
      customerId: customer.id,
      customerName: null,
      customerErased: true,
      status: 'completed',
      daysLeft: null,
      overdue: false,
      reviewedBy: { id: otherAdmin.id, name: otherAdmin.name },
    });
    expect(
      (await listDeletionRequests(filingAdmin, { status: 'open' })).map((r) => r.id),
    ).not.toContain(request.id);
  });

  it('shows the customer page an open request, and nothing once it is closed', async () => {
    const customer = await personalCustomer();
    expect(await getOpenDeletionRequestForCustomer(viewer, customer.id)).toBeNull();
    const request = await fileFor(customer.id);
    expect(await getOpenDeletionRequestForCustomer(viewer, customer.id)).toMatchObject({
      id: request.id,
      dueOn: request.dueOn,
      overdue: false,
    });
    await reviewDeletionRequest(as(otherAdmin), request.id, {
      decision: 'reject',
      reason: 'Duplicate of an earlier request.',
    });
    expect(await getOpenDeletionRequestForCustomer(viewer, customer.id)).toBeNull();
  });

  it('keeps the queue and requests from viewers', async () => {
    const customer = await personalCustomer();
    const request = await fileFor(customer.id);
    await expect(listDeletionRequests(viewer, { status: 'open' })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(getDeletionRequest(viewer, request.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getDeletionRequest(support, 'dr_nope')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('audits every receipt read, and has no receipt for an open or rejected request', async () => {
    const customer = await personalCustomer();
    const request = await fileFor(customer.id);
    await expect(getDeletionReceipt(as(support), request.id)).rejects.toBeInstanceOf(NotFoundError);
    await reviewDeletionRequest(as(otherAdmin), request.id, { decision: 'approve' });
    await getDeletionReceipt(as(support), request.id, 'page');
    await getDeletionReceipt(as(filingAdmin), request.id, 'download');

    const reads = await db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.customerId, customer.id),
          eq(auditEvents.action, 'deletion_request.receipt_viewed'),
        ),
      )
      .orderBy(auditEvents.id);
    expect(reads.map((event) => [event.actorId, event.after])).toEqual([
      [support.id, { deletionRequestId: request.id, via: 'page' }],
      [filingAdmin.id, { deletionRequestId: request.id, via: 'download' }],
    ]);
    await expect(getDeletionReceipt(as(viewer), request.id)).rejects.toBeInstanceOf(ForbiddenError);
    const [stored] = await db
      .select({ receipt: deletionRequests.receipt })
      .from(deletionRequests)
      .where(eq(deletionRequests.id, request.id));
    expect(stored?.receipt).not.toBeNull();
  });
});
