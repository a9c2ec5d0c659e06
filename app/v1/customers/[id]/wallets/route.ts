import { apiRoute, methodNotAllowed } from '@/lib/http/api-route';
import { createWallet } from '@/lib/wallets/commands';
import { listWallets, presentWallet } from '@/lib/wallets/queries';

type Params = { id: string };

export const GET = apiRoute<Params>(async ({ params, context }) => {
  const wallets = await listWallets(context.actor, params.id);
  return { status: 200, body: { wallets: wallets.map(presentWallet) } };
});

export const POST = apiRoute<Params>(async ({ params, body, context }) => ({
  status: 201,
  body: presentWallet(await createWallet(context, params.id, body)),
}));

const allowed = ['GET', 'POST'];
export const PUT = methodNotAllowed(allowed);
export const PATCH = methodNotAllowed(allowed);
export const DELETE = methodNotAllowed(allowed);
