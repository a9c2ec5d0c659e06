import { DomainError, type FieldError } from '@/lib/errors';

const TYPE_BASE = 'https://docs.example/errors/';

export type Problem = {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  errors?: FieldError[];
  requestId: string;
};

/** An RFC 9457 problem+json response; `status` and `requestId` match the response's own. */
export function problemResponse(
  input: { status: number; code: string; title: string; detail: string; errors?: FieldError[] },
  requestId: string,
  headers: Record<string, string> = {},
): Response {
  const problem: Problem = {
    type: `${TYPE_BASE}${input.code}`,
    title: input.title,
    status: input.status,
    code: input.code,
    detail: input.detail,
    ...(input.errors ? { errors: input.errors } : {}),
    requestId,
  };
  return new Response(JSON.stringify(problem), {
    status: input.status,
    headers: {
      'Content-Type': 'application/problem+json',
      'X-Request-Id': requestId,
      'Cache-Control': 'no-store',
      ...headers,
    },
  });
}

export function domainErrorResponse(error: DomainError, requestId: string): Response {
  return problemResponse(
    {
      status: error.status,
      code: error.code,
      title: error.title,
      detail: error.message,
      errors: error.errors,
    },
    requestId,
  );
}

export const problems = {
  invalidJson: (detail: string) => ({
    status: 400,
    code: 'invalid_json',
    title: 'Invalid JSON',
    detail,
  }),
  payloadTooLarge: () => ({
    status: 413,
    code: 'payload_too_large',
    title: 'Payload too large',
    detail: 'Request bodies are limited to 64 KiB (65,536 bytes).',
  }),
  unsupportedMediaType: () => ({
    status: 415,
    code: 'unsupported_media_type',
    title: 'Unsupported media type',
    detail: 'Send the body as application/json.',
  }),
  methodNotAllowed: (allowed: string[]) => ({
    status: 405,
    code: 'method_not_allowed',
    title: 'Method not allowed',
    detail: `This endpoint accepts ${allowed.join(', ')}.`,
  }),
  notFound: () => ({
    status: 404,
    code: 'not_found',
    title: 'Not found',
    detail: 'No such endpoint.',
  }),
  rateLimited: (retryAfter: number) => ({
    status: 429,
    code: 'rate_limited',
    title: 'Too many requests',
    detail: `Too many requests for this API key; retry after ${retryAfter} s.`,
  }),
  databaseUnavailable: () => ({
    status: 503,
    code: 'database_unavailable',
    title: 'Database unavailable',
    detail: 'The database cannot be reached right now; retry shortly.',
  }),
  internal: () => ({
    status: 500,
    code: 'internal_error',
    title: 'Internal error',
    detail: 'Something went wrong on our side. Quote the request id if you contact support.',
  }),
};
