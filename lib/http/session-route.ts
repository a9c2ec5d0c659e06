import 'server-only';
import type { StaffActor } from '@/lib/auth/actor';
import { getStaffActor } from '@/lib/auth/session';
import { UnauthorizedError } from '@/lib/errors';
import { newRequestId } from '@/lib/ids';
import { errorResponse } from './api-route';

type RouteContext<Params> = { params: Promise<Params> };

/**
 * The dashboard's own GET endpoints (/api/...), for react-query: a staff session instead of
 * an API key, the same domain functions, the same problem+json errors.
 */
export function sessionRoute<Params = Record<string, never>>(
  handler: (input: {
    actor: StaffActor;
    url: URL;
    params: Params;
    requestId: string;
  }) => Promise<unknown>,
) {
  return async (request: Request, routeContext: RouteContext<Params>): Promise<Response> => {
    const requestId = newRequestId();
    try {
      const actor = await getStaffActor();
      if (!actor) throw new UnauthorizedError('Sign in to use the console.');
      const body = await handler({
        actor,
        url: new URL(request.url),
        params: await routeContext.params,
        requestId,
      });
      return new Response(JSON.stringify(body), {
        headers: {
          'Content-Type': 'application/json',
          'Cache-Control': 'no-store',
          'X-Request-Id': requestId,
        },
      });
    } catch (error) {
      return errorResponse(error, requestId, request);
    }
  };
}
