import { apiRoute, methodNotAllowed } from '@/lib/http/api-route';
import { moveSandboxFunds } from '@/lib/ledger/commands';

type Params = { walletId: string };

export const POST = apiRoute<Params>(async ({ params, body, context }) => ({
  status: 200,
  body: await moveSandboxFunds(context, params.walletId, 'debit', body),
}));

const allowed = ['POST'];
export const GET = methodNotAllowed(allowed);
export const PUT = methodNotAllowed(allowed);
export const PATCH = methodNotAllowed(allowed);
export const DELETE = methodNotAllowed(allowed);
