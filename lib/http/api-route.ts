import 'server-only';
import { authenticateApiKey } from '@/lib/api-keys/authenticate';
import type { ApiKeyActor } from '@/lib/auth/actor';
import type { RequestContext } from '@/lib/context';
import { DomainError } from '@/lib/errors';
import { newRequestId } from '@/lib/ids';
import { readJsonObjectBody } from './body';
import {
  claimIdempotencyKey,
  fingerprintRequest,
  readIdempotencyKey,
  type StoredResponse,
} from './idempotency';
import { domainErrorResponse, problemResponse, problems } from './problem';
import { takeRateLimitToken } from './rate-limit';
import { isDatabaseUnavailable } from '@/db/errors';

export type ApiRequest<Params> = {
  request: Request;
  url: URL;
  params: Params;
  context: RequestContext & { actor: ApiKeyActor };
  /** The parsed JSON object body (`{}` when empty); always `{}` for GET and DELETE. */
  body: Record<string, unknown>;
};

export type ApiResult = { status: number; body: unknown; headers?: Record<string, string> };

/**
 * A body that is JSON text already (shaped by PostgreSQL): sent as it is, not serialised
 * again. `items` go into the array named `key` of `rest`, which is serialised as usual.
 */
export class JsonText {
  constructor(readonly text: string) {}

  static withArray(rest: Record<string, unknown>, key: string, items: string[]): JsonText {
    const others = JSON.stringify(rest);
    const tail = others === '{}' ? '}' : `,${others.slice(1)}`;
    return new JsonText(`{${JSON.stringify(key)}:[${items.join(',')}]${tail}`);
  }
}

type RouteContext<Params> = { params: Promise<Params> };

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);
/** Headers a replay must repeat; everything else is per response. */
const REPLAYED_HEADERS = ['etag', 'location'];

/**
 * Every /v1 route handler goes through here, in the contract's order: request id, API key
 * (before anything else), rate limit, body (size, type, JSON), idempotency, then the
 * domain call. Expected errors become problem+json; anything else a logged 500 with the id.
 */
export function apiRoute<Params = Record<string, never>>(
  handler: (input: ApiRequest<Params>) => Promise<ApiResult>,
) {
  return async (request: Request, routeContext: RouteContext<Params>): Promise<Response> => {
    const requestId = newRequestId();
    try {
      const actor = await authenticateApiKey(request.headers);
      const retryAfter = takeRateLimitToken(actor.id);
      if (retryAfter > 0) {
        return problemResponse(problems.rateLimited(retryAfter), requestId, {
          'Retry-After': String(retryAfter),
        });
      }
      const url = new URL(request.url);
      const body = METHODS_WITH_BODY.has(request.method)
        ? (await readJsonObjectBody(request)).body
        : {};
      const params = await routeContext.params;
      const input: ApiRequest<Params> = {
        request,
        url,
        params,
        body,
        context: { actor, requestId, source: 'api' },
      };

      const idempotencyKey = request.method === 'POST' ? readIdempotencyKey(request.headers) : null;
      if (!idempotencyKey) return toResponse(await handler(input), requestId);

      const claim = await claimIdempotencyKey(
        actor.id,
        idempotencyKey,
        fingerprintRequest(request.method, url.pathname, body),
      );
      if (claim.kind === 'replay') return replay(claim.response, requestId);
      let stored: StoredResponse;
      try {
        stored = await runForStorage(handler, input);
      } catch (error) {
        await claim.release();
        throw error;
      }
      if (stored.status >= 500) await claim.release();
      else await claim.complete(stored);
      return new Response(stored.body, {
        status: stored.status,
        headers: { ...stored.headers, 'X-Request-Id': requestId },
      });
    } catch (error) {
      return errorResponse(error, requestId, request);
    }
  };
}

/** Runs the handler and turns expected errors into a stored response (a retry replays them). */
async function runForStorage<Params>(
  handler: (input: ApiRequest<Params>) => Promise<ApiResult>,
  input: ApiRequest<Params>,
): Promise<StoredResponse> {
  let response: Response;
  try {
    response = toResponse(await handler(input), input.context.requestId);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    response = domainErrorResponse(error, input.context.requestId);
  }
  const headers: Record<string, string> = {
    'Content-Type': response.headers.get('content-type') ?? 'application/json',
  };
  for (const name of REPLAYED_HEADERS) {
    const value = response.headers.get(name);
    if (value) headers[name === 'etag' ? 'ETag' : 'Location'] = value;
  }
  return { status: response.status, headers, body: await response.text() };
}

function replay(stored: StoredResponse, requestId: string): Response {
  return new Response(stored.body, {
    status: stored.status,
    headers: { ...stored.headers, 'Idempotent-Replayed': 'true', 'X-Request-Id': requestId },
  });
}

export function toResponse(result: ApiResult, requestId: string): Response {
  const text = result.body instanceof JsonText ? result.body.text : JSON.stringify(result.body);
  return new Response(text, {
    status: result.status,
    headers: {
      'Content-Type': 'application/json',
      'Cache-Control': 'no-store',
      ...result.headers,
      'X-Request-Id': requestId,
    },
  });
}

export function errorResponse(error: unknown, requestId: string, request?: Request): Response {
  if (error instanceof DomainError) return domainErrorResponse(error, requestId);
  if (isDatabaseUnavailable(error)) {
    console.error(`[${requestId}] database unavailable: ${String((error as Error).message)}`);
    return problemResponse(problems.databaseUnavailable(), requestId, { 'Retry-After': '5' });
  }
  console.error(`[${requestId}] ${request?.method ?? ''} ${request?.url ?? ''} failed:`, error);
  return problemResponse(problems.internal(), requestId);
}

/** For the methods a route does not support: 405 with Allow, after the key check like any call. */
export function methodNotAllowed(allowed: string[]) {
  return async (request: Request): Promise<Response> => {
    const requestId = newRequestId();
    try {
      await authenticateApiKey(request.headers);
      return problemResponse(problems.methodNotAllowed(allowed), requestId, {
        Allow: allowed.join(', '),
      });
    } catch (error) {
      return errorResponse(error, requestId, request);
    }
  };
}
