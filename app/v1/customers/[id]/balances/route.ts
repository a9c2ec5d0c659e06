import { apiRoute, methodNotAllowed } from '@/lib/http/api-route';
import { getCustomerBalances } from '@/lib/wallets/queries';

type Params = { id: string };

export const GET = apiRoute<Params>(async ({ params, context }) => ({
  status: 200,
  body: await getCustomerBalances(context.actor, params.id),
}));

const allowed = ['GET'];
export const POST = methodNotAllowed(allowed);
export const PUT = methodNotAllowed(allowed);
export const PATCH = methodNotAllowed(allowed);
export const DELETE = methodNotAllowed(allowed);
