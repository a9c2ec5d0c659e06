import { apiRoute, JsonText, methodNotAllowed } from '@/lib/http/api-route';
import { createCustomer } from '@/lib/customers/commands';
import { customerEtag, presentCustomer } from '@/lib/customers/present';
import { listCustomers } from '@/lib/customers/queries';
import { searchParamsToQuery } from '@/lib/customers/schemas';

export const GET = apiRoute(async ({ url, context }) => {
  const page = await listCustomers(context.actor, searchParamsToQuery(url.searchParams));
  return {
    status: 200,
    body: JsonText.withArray(
      {
        totalCount: page.totalCount,
        totalCountExact: page.totalCountExact,
        hasMore: page.hasMore,
        pagination: {
          limit: page.limit,
          offset: page.offset,
          page: Math.floor(page.offset / page.limit) + 1,
          totalPages: Math.ceil(page.totalCount / page.limit),
        },
        nextCursor: page.nextCursor,
      },
      'customers',
      page.customers,
    ),
  };
});

export const POST = apiRoute(async ({ body, context }) => {
  const { customer, usdTotal } = await createCustomer(context, body);
  return {
    status: 201,
    body: presentCustomer(customer, usdTotal),
    headers: { ETag: customerEtag(customer), Location: `/v1/customers/${customer.id}` },
  };
});

const allowed = ['GET', 'POST'];
export const PUT = methodNotAllowed(allowed);
export const PATCH = methodNotAllowed(allowed);
export const DELETE = methodNotAllowed(allowed);
