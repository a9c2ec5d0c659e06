import type { Customer } from '@/db/schema';
import { roundUsdHalfEven } from '@/lib/money/decimal';

/** A customer row with its exact (unrounded) USD total across all wallets. */
export type CustomerWithTotal = { customer: Customer; usdTotal: string };

/** The ETag of a customer's current version; any update changes it. */
export function customerEtag(customer: Pick<Customer, 'id' | 'version'>): string {
  return `"${customer.id}.v${customer.version}"`;
}

/** True when an If-Match header names the customer's current version (or is `*`). */
export function ifMatchSatisfied(
  ifMatch: string,
  customer: Pick<Customer, 'id' | 'version'>,
): boolean {
  const current = customerEtag(customer);
  return ifMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === current);
}

/** A customer as the API returns it: the contract's fields, never the KYC token. */
export function presentCustomer(customer: Customer, usdTotal: string | undefined) {
  return {
    id: customer.id,
    type: customer.type,
    status: customer.status,
    externalId: customer.externalId,
    firstName: customer.firstName,
    middleName: customer.middleName,
    lastName: customer.lastName,
    legalName: customer.legalName,
    website: customer.website,
    email: customer.email,
    phone: customer.phone,
    birthDate: customer.birthDate,
    country: customer.country,
    residentialAddress: customer.residentialAddress
      ? { streetLine2: null, ...customer.residentialAddress }
      : null,
    metadata: customer.metadata,
    kyc: {
      provider: customer.kycProvider as 'sumsub' | null,
      shareTokenReceivedAt: customer.kycShareTokenReceivedAt?.toISOString() ?? null,
    },
    balance: { amount: roundUsdHalfEven(usdTotal ?? '0'), currency: 'USD' as const },
    createdAt: customer.createdAt.toISOString(),
    updatedAt: customer.updatedAt.toISOString(),
  };
}

export type CustomerResource = ReturnType<typeof presentCustomer>;
