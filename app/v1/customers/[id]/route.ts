import { apiRoute, JsonText, methodNotAllowed, type ApiRequest } from '@/lib/http/api-route';
import { deleteCustomer, updateCustomer } from '@/lib/customers/commands';
import { getCustomerJson } from '@/lib/customers/queries';

type Params = { id: string };

export const GET = apiRoute<Params>(async ({ params, context }) => {
  const { json, etag } = await getCustomerJson(context.actor, params.id);
  return { status: 200, body: new JsonText(json), headers: { ETag: etag } };
});

async function update({ params, body, request, context }: ApiRequest<Params>) {
  const { json, etag } = await updateCustomer(context, params.id, body, {
    ifMatch: request.headers.get('if-match'),
  });
  return { status: 200, body: new JsonText(json), headers: { ETag: etag } };
}

/** PUT means the same as PATCH: a partial update (the contract's choice). */
export const PATCH = apiRoute<Params>(update);
export const PUT = apiRoute<Params>(update);

export const DELETE = apiRoute<Params>(async ({ params, context }) => ({
  status: 200,
  body: await deleteCustomer(context, params.id),
}));

export const POST = methodNotAllowed(['GET', 'PATCH', 'PUT', 'DELETE']);
