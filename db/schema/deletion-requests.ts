import { sql } from 'drizzle-orm';
import { date, index, jsonb, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, publicId } from './columns';
import { customers } from './customers';
import { staffUsers } from './auth';

export const deletionRequestChannel = pgEnum('deletion_request_channel', [
  'email',
  'ticket',
  'phone',
  'letter',
]);
export const deletionRequestStatus = pgEnum('deletion_request_status', [
  'open',
  'completed',
  'rejected',
]);

/** GDPR erasure requests: filed by staff, reviewed by a different admin (four eyes). */
export const deletionRequests = pgTable(
  'deletion_requests',
  {
    id: publicId('id').primaryKey(),
    customerId: publicId('customer_id')
      .notNull()
      .references(() => customers.id),
    channel: deletionRequestChannel('channel').notNull(),
    externalReference: text('external_reference'),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    note: text('note'),
    status: deletionRequestStatus('status').notNull().default('open'),
    filedBy: text('filed_by')
      .notNull()
      .references(() => staffUsers.id),
    reviewedBy: text('reviewed_by').references(() => staffUsers.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true, precision: 3 }),
    decisionReason: text('decision_reason'),
    /** What was erased, what is kept and why; never any erased personal data. */
    receipt: jsonb('receipt').$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [
    index('deletion_requests_open_due_idx')
      .on(t.dueOn)
      .where(sql`${t.status} = 'open'`),
    index('deletion_requests_customer_idx').on(t.customerId),
  ],
);

export type DeletionRequest = typeof deletionRequests.$inferSelect;
