import { lookupCustomers } from '@/lib/customers/lookup';
import { sessionRoute } from '@/lib/http/session-route';

/** The quick lookup's matches for `?q=`: at most 8 customers, exact matches first. */
export const GET = sessionRoute(async ({ actor, url }) => ({
  results: await lookupCustomers(actor, url.searchParams.get('q') ?? ''),
}));
