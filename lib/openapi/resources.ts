import { z } from 'zod';
import {
  CUSTOMER_STATUSES,
  CUSTOMER_TYPES,
  residentialAddressSchema,
} from '@/lib/customers/schemas';
import { CURRENCY_CODES, NETWORKS } from '@/lib/money/currencies';

/** The shapes the API returns, described in zod so the OpenAPI document is generated, not written. */
const time = z.string().describe('ISO 8601 UTC time with milliseconds');
const usd = z.object({
  amount: z.string().describe('Exact decimal string, 2 fraction digits'),
  currency: z.literal('USD'),
});

export const customerResource = z
  .object({
    id: z.string().describe('cus_… or biz_…'),
    type: z.enum(CUSTOMER_TYPES),
    status: z.enum(CUSTOMER_STATUSES),
    externalId: z.string().nullable(),
    firstName: z.string().nullable(),
    middleName: z.string().nullable(),
    lastName: z.string().nullable(),
    legalName: z.string().nullable(),
    website: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    birthDate: z.string().nullable(),
    country: z.string().nullable(),
    residentialAddress: residentialAddressSchema.nullable(),
    metadata: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
    kyc: z.object({
      provider: z.literal('sumsub').nullable(),
      shareTokenReceivedAt: time.nullable(),
    }),
    balance: usd,
    createdAt: time,
    updatedAt: time,
  })
  .meta({ id: 'Customer' });

export const customerListResource = z
  .object({
    customers: z.array(customerResource),
    totalCount: z.number().int(),
    totalCountExact: z.boolean(),
    hasMore: z.boolean(),
    pagination: z.object({
      limit: z.number().int(),
      offset: z.number().int(),
      page: z.number().int(),
      totalPages: z.number().int(),
    }),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'CustomerList' });

export const deletedCustomerResource = z
  .object({ id: z.string(), object: z.literal('customer'), deleted: z.literal(true) })
  .meta({ id: 'DeletedCustomer' });

export const walletResource = z
  .object({
    id: z.string(),
    customerId: z.string(),
    network: z.enum(NETWORKS),
    address: z.string(),
    createdAt: time,
  })
  .meta({ id: 'Wallet' });

export const balancesResource = z
  .object({
    customerId: z.string(),
    totalBalance: usd,
    asOf: time,
    wallets: z.array(
      z.object({
        walletId: z.string(),
        network: z.enum(NETWORKS),
        address: z.string(),
        balances: z.array(
          z.object({
            currency: z.enum(CURRENCY_CODES),
            amount: z.string(),
            decimals: z.number().int(),
            usdValue: z.string(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'Balances' });

export const ledgerEntryResource = z
  .object({
    id: z.string(),
    object: z.literal('ledger_entry'),
    walletId: z.string(),
    kind: z.enum(['credit', 'debit']),
    currency: z.enum(CURRENCY_CODES),
    amount: z.string(),
    balance: z.string(),
    createdAt: time,
  })
  .meta({ id: 'LedgerEntry' });

export const problemResource = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    requestId: z.string(),
  })
  .meta({ id: 'Problem' });
