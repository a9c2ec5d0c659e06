import { listCustomersForConsole } from '@/lib/customers/console-list';
import { loadCustomerListParams } from '@/lib/customers/search-params';
import { sessionRoute } from '@/lib/http/session-route';

/** The customer list for the console's table: the same function the page prefetches with. */
export const GET = sessionRoute(async ({ actor, url }) =>
  listCustomersForConsole(actor, loadCustomerListParams(url)),
);
