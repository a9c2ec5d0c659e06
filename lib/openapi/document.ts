import { z } from 'zod';
import {
  customerCreateSchema,
  customerListQuerySchema,
  customerUpdateSchema,
} from '@/lib/customers/schemas';
import { sandboxMovementSchema, walletCreateSchema } from '@/lib/wallets/schemas';
import {
  balancesResource,
  customerListResource,
  customerResource,
  deletedCustomerResource,
  ledgerEntryResource,
  problemResource,
  walletResource,
} from './resources';

type JsonObject = Record<string, unknown>;
const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

/** Request bodies: generated from the very schemas the handlers validate with. */
function requestSchemas() {
  const registry = z.registry<{ id: string }>();
  registry.add(customerCreateSchema, { id: 'CustomerCreate' });
  registry.add(customerUpdateSchema, { id: 'CustomerUpdate' });
  registry.add(walletCreateSchema, { id: 'WalletCreate' });
  registry.add(sandboxMovementSchema, { id: 'SandboxMovement' });
  return z.toJSONSchema(registry, {
    io: 'input',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  }).schemas;
}

function responseSchemas() {
  const registry = z.registry<{ id: string }>();
  for (const schema of [
    customerResource,
    customerListResource,
    deletedCustomerResource,
    walletResource,
    balancesResource,
    ledgerEntryResource,
    problemResource,
  ]) {
    registry.add(schema, { id: String(schema.meta()?.id) });
  }
  return z.toJSONSchema(registry, { io: 'output', uri: (id) => `#/components/schemas/${id}` })
    .schemas;
}

function listParameters(): JsonObject[] {
  const schema = z.toJSONSchema(customerListQuerySchema, {
    io: 'input',
    unrepresentable: 'any',
  }) as {
    properties?: Record<string, JsonObject>;
  };
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: false,
    schema: property,
  }));
}

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ref('Problem') } },
});
const json = (description: string, id: string) => ({
  description,
  content: { 'application/json': { schema: ref(id) } },
});
const body = (id: string) => ({
  required: false,
  content: { 'application/json': { schema: ref(id) } },
});
const idParam = (name: string) => ({
  name,
  in: 'path',
  required: true,
  schema: { type: 'string' },
});
const idempotencyKey = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  schema: { type: 'string', maxLength: 255 },
};
const common = {
  '401': problem('Missing, unknown or revoked API key'),
  '429': problem('Too many requests for this key (see Retry-After)'),
  '500': problem('Internal error'),
};
const withBody = {
  '400': problem('Validation failed'),
  '413': problem('Body over 64 KiB'),
  '415': problem('Not JSON'),
};

export function openApiDocument() {
  const customerUpdate = {
    parameters: [
      idParam('id'),
      { name: 'If-Match', in: 'header', required: false, schema: { type: 'string' } },
    ],
    requestBody: body('CustomerUpdate'),
    responses: {
      '200': json('The updated customer', 'Customer'),
      ...withBody,
      '404': problem('Customer not found'),
      '409': problem('Email or externalId taken'),
      '412': problem('If-Match does not name the current version'),
      ...common,
    },
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Customer Console API',
      version: '1',
      description: 'Customers, wallets, balances and sandbox funds. Authenticate with X-API-Key.',
    },
    servers: [{ url: '/' }],
    security: [{ apiKey: [] }, { bearer: [] }],
    paths: {
      '/v1/customers': {
        get: {
          operationId: 'listCustomers',
          summary: 'List customers, newest first',
          parameters: listParameters(),
          responses: {
            '200': json('A page of customers', 'CustomerList'),
            '400': problem('Invalid parameter'),
            ...common,
          },
        },
        post: {
          operationId: 'createCustomer',
          summary: 'Create a customer (an empty body creates an individual)',
          parameters: [idempotencyKey],
          requestBody: body('CustomerCreate'),
          responses: {
            '201': json('The new customer', 'Customer'),
            ...withBody,
            '409': problem('Email or externalId taken, or idempotency key in use'),
            '422': problem('Idempotency key reused with another body'),
            ...common,
          },
        },
      },
      '/v1/customers/{id}': {
        get: {
          operationId: 'getCustomer',
          parameters: [idParam('id')],
          responses: {
            '200': json('The customer', 'Customer'),
            '404': problem('Customer not found'),
            ...common,
          },
        },
        patch: { operationId: 'updateCustomer', summary: 'Partial update', ...customerUpdate },
        put: { operationId: 'replaceCustomer', summary: 'Same as PATCH', ...customerUpdate },
        delete: {
          operationId: 'deleteCustomer',
          parameters: [idParam('id')],
          responses: {
            '200': json('Deleted', 'DeletedCustomer'),
            '404': problem('Customer not found'),
            '409': problem('The customer still holds funds'),
            ...common,
          },
        },
      },
      '/v1/customers/{id}/balances': {
        get: {
          operationId: 'getCustomerBalances',
          parameters: [idParam('id')],
          responses: {
            '200': json('Balances across all wallets', 'Balances'),
            '404': problem('Customer not found'),
            ...common,
          },
        },
      },
      '/v1/customers/{id}/wallets': {
        get: {
          operationId: 'listWallets',
          parameters: [idParam('id')],
          responses: {
            '200': {
              description: 'The customer’s wallets',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: { wallets: { type: 'array', items: ref('Wallet') } },
                  },
                },
              },
            },
            '404': problem('Customer not found'),
            ...common,
          },
        },
        post: {
          operationId: 'createWallet',
          parameters: [idParam('id'), idempotencyKey],
          requestBody: body('WalletCreate'),
          responses: {
            '201': json('The new wallet', 'Wallet'),
            ...withBody,
            '404': problem('Customer not found'),
            '409': problem('The customer already has a wallet on this network'),
            ...common,
          },
        },
      },
      ...Object.fromEntries(
        (['credit', 'debit'] as const).map((kind) => [
          `/v1/sandbox/wallets/{walletId}/${kind}`,
          {
            post: {
              operationId: `sandbox${kind === 'credit' ? 'Credit' : 'Debit'}`,
              summary: `Sandbox only: ${kind} test funds through the ledger`,
              parameters: [idParam('walletId'), idempotencyKey],
              requestBody: body('SandboxMovement'),
              responses: {
                '200': json('The ledger entry and the new balance', 'LedgerEntry'),
                ...withBody,
                '404': problem('Wallet not found, or sandbox mode is off'),
                '409': problem('Debit beyond the balance'),
                ...common,
              },
            },
          },
        ]),
      ),
    },
    components: {
      securitySchemes: {
        apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
        bearer: { type: 'http', scheme: 'bearer' },
      },
      schemas: { ...requestSchemas(), ...responseSchemas() },
    },
  };
}
