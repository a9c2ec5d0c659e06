import 'server-only';
import type { Customer } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { isSandbox } from '@/lib/ledger/sandbox';
import { roundUsdHalfEven } from '@/lib/money/decimal';
import { maskEmail, maskPhone } from './masking';
import { displayName, getCustomer } from './queries';

/** A customer as the console's detail page shows it to one staff member. */
export type ConsoleCustomer = Pick<
  Customer,
  | 'id'
  | 'type'
  | 'status'
  | 'externalId'
  | 'firstName'
  | 'middleName'
  | 'lastName'
  | 'legalName'
  | 'website'
  | 'email'
  | 'phone'
  | 'birthDate'
  | 'country'
  | 'residentialAddress'
  | 'metadata'
  | 'kycProvider'
  | 'kycShareTokenReceivedAt'
  | 'createdAt'
  | 'updatedAt'
> & {
  displayName: string;
  /** The USD total across all wallets, rounded half-even to cents. */
  balanceUsd: string;
};

/** What the page may offer this staff member; the domain functions check each again. */
export type ConsolePermissions = {
  canEdit: boolean;
  canDelete: boolean;
  canDecideKyc: boolean;
  canAddWallet: boolean;
  canMoveSandboxFunds: boolean;
  /** Email and phone are masked and at least one of them is there to reveal. */
  canReveal: boolean;
};

export type ConsoleCustomerDetail = {
  customer: ConsoleCustomer;
  /** True when email and phone are masked for this staff member. */
  contactMasked: boolean;
  permissions: ConsolePermissions;
};

/**
 * A live customer for the console's detail page: staff without `customers:read-pii` get the
 * email and phone masked here, on the server, so the full values never reach their browser
 * unless they reveal them (an audited action). 404 for malformed, unknown and deleted ids.
 */
export async function getCustomerForConsole(
  actor: Actor,
  id: string,
): Promise<ConsoleCustomerDetail> {
  const { customer, usdTotal } = await getCustomer(actor, id);
  const contactMasked = !can(actor, 'customers:read-pii');
  return {
    customer: {
      id: customer.id,
      type: customer.type,
      status: customer.status,
      externalId: customer.externalId,
      firstName: customer.firstName,
      middleName: customer.middleName,
      lastName: customer.lastName,
      legalName: customer.legalName,
      website: customer.website,
      email: contactMasked ? maskEmail(customer.email) : customer.email,
      phone: contactMasked ? maskPhone(customer.phone) : customer.phone,
      birthDate: customer.birthDate,
      country: customer.country,
      residentialAddress: customer.residentialAddress,
      metadata: customer.metadata,
      kycProvider: customer.kycProvider,
      kycShareTokenReceivedAt: customer.kycShareTokenReceivedAt,
      createdAt: customer.createdAt,
      updatedAt: customer.updatedAt,
      displayName: displayName(customer),
      balanceUsd: roundUsdHalfEven(usdTotal),
    },
    contactMasked,
    permissions: {
      canEdit: can(actor, 'customers:write'),
      canDelete: can(actor, 'customers:delete'),
      canDecideKyc: can(actor, 'kyc:decide'),
      canAddWallet: can(actor, 'wallets:write'),
      canMoveSandboxFunds: isSandbox() && can(actor, 'sandbox:move-funds'),
      canReveal: contactMasked && (customer.email !== null || customer.phone !== null),
    },
  };
}
