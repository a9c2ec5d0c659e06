import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { descNullsLast } from '@/db/order';
import { auditEvents, ledgerEntries, wallets, type AuditEvent } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { authorize } from '@/lib/auth/permissions';
import type { RequestContext } from '@/lib/context';
import { presentCustomer, type CustomerResource } from '@/lib/customers/present';
import { getCustomer } from '@/lib/customers/queries';
import { listKycDecisions } from '@/lib/kyc/queries';
import type { KycDecision } from '@/lib/kyc/schemas';
import { CURRENCIES, isCurrencyCode, type Network } from '@/lib/money/currencies';
import { formatTokenAmount } from '@/lib/money/decimal';
import {
  getCustomerBalances,
  listWallets,
  presentWallet,
  type CustomerBalances,
  type WalletResource,
} from '@/lib/wallets/queries';

/**
 * Everything the console holds on one customer (GDPR Art. 15), as one JSON document.
 * Left out on purpose: the KYC share token (a credential for the KYC provider, not data about
 * the customer) and the identities of the staff and API keys that acted (their personal
 * data, not the customer's): events and decisions say what happened, when, and from where.
 */
export type SubjectAccessExport = {
  object: 'customer_data_export';
  exportedAt: string;
  customer: CustomerResource;
  kycHistory: {
    id: string;
    decision: KycDecision;
    fromStatus: string;
    toStatus: string;
    reason: string;
    decidedAt: string;
  }[];
  wallets: WalletResource[];
  balances: Omit<CustomerBalances, 'customerId'>;
  /** Every ledger entry of every wallet, oldest first; `amount` is positive, `kind` the direction. */
  ledgerEntries: {
    id: string;
    walletId: string;
    network: Network;
    kind: 'credit' | 'debit';
    currency: string;
    amount: string;
    createdAt: string;
  }[];
  /** Every audit event about the customer, oldest first. */
  auditEvents: {
    occurredAt: string;
    action: string;
    source: AuditEvent['source'];
    actorType: AuditEvent['actorType'];
    changedFields: string[];
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
  }[];
};

/**
 * A subject access export of one live customer, for admins only. The download is an audited
 * read ('customer.data_exported'): the event is written before the document is handed back,
 * so no export leaves without its record. 404 for malformed, unknown and erased customers.
 */
export async function exportCustomerData(
  context: RequestContext,
  customerId: string,
): Promise<SubjectAccessExport> {
  const { actor } = context;
  authorize(actor, 'exports:subject-access');
  const exportedAt = new Date();
  const { customer, usdTotal } = await getCustomer(actor, customerId);
  const [kycHistory, walletRows, balances, ledger, events] = await Promise.all([
    listKycDecisions(actor, customerId),
    listWallets(actor, customerId),
    getCustomerBalances(actor, customerId),
    db
      .select({ entry: ledgerEntries, network: wallets.network })
      .from(ledgerEntries)
      .innerJoin(wallets, eq(wallets.id, ledgerEntries.walletId))
      .where(eq(wallets.customerId, customerId))
      .orderBy(asc(ledgerEntries.createdAt), asc(ledgerEntries.id)),
    db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.customerId, customerId))
      // The customer index's own order (newest first), reversed below into a chronology.
      .orderBy(...descNullsLast(auditEvents.occurredAt, auditEvents.id)),
  ]);

  await recordAudit(db, context, {
    action: 'customer.data_exported',
    customerId,
    after: { format: 'json' },
  });

  return {
    object: 'customer_data_export',
    exportedAt: exportedAt.toISOString(),
    customer: presentCustomer(customer, usdTotal),
    kycHistory: kycHistory.map((entry) => ({
      id: entry.id,
      decision: entry.decision,
      fromStatus: entry.fromStatus,
      toStatus: entry.toStatus,
      reason: entry.reason,
      decidedAt: entry.createdAt.toISOString(),
    })),
    wallets: walletRows.map(presentWallet),
    balances: {
      totalBalance: balances.totalBalance,
      asOf: balances.asOf,
      wallets: balances.wallets,
    },
    ledgerEntries: ledger.map(({ entry, network }) => ({
      id: `le_${entry.id}`,
      walletId: entry.walletId,
      network,
      kind: entry.kind,
      currency: entry.currency,
      amount: positiveAmount(entry.currency, entry.amount),
      createdAt: entry.createdAt.toISOString(),
    })),
    auditEvents: events.reverse().map((event) => ({
      occurredAt: event.occurredAt.toISOString(),
      action: event.action,
      source: event.source,
      actorType: event.actorType,
      changedFields: event.changedFields,
      before: event.before,
      after: event.after,
    })),
  };
}

/** Ledger amounts are signed; the export shows the size, like the API's ledger entries. */
function positiveAmount(currency: string, signed: string): string {
  const size = signed.replace(/^-/, '');
  return isCurrencyCode(currency) ? formatTokenAmount(size, CURRENCIES[currency].decimals) : size;
}

/** "customer-cus_…-2026-11-24.json" */
export function subjectAccessFilename(customerId: string, at = new Date()): string {
  return `customer-${customerId}-${at.toISOString().slice(0, 10)}.json`;
}
