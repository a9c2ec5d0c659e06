import { createApiKey } from '@/lib/api-keys/commands';
import type { StaffActor } from '@/lib/auth/actor';

/** Helpers for calling route handlers in-process with real requests, keys and database. */
export const adminActor: StaffActor = {
  kind: 'staff',
  id: 'staff-admin',
  role: 'admin',
  name: 'Test Admin',
  email: 'admin@example.com',
};

export async function createTestApiKey(name = 'test key'): Promise<string> {
  const { secret } = await createApiKey(
    { actor: adminActor, requestId: 'req_testsetup', source: 'cli' },
    { name, mode: 'test' },
  );
  return secret;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary paths of JSON bodies
export type JsonBody = Record<string, any>;

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

export type CallOptions = {
  key?: string | null;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  query?: string;
};

export async function call<P>(
  handler: Handler<P>,
  method: string,
  path: string,
  params: P,
  options: CallOptions = {},
): Promise<{ status: number; headers: Headers; json: JsonBody }> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.key) headers['x-api-key'] = options.key;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await handler(
    new Request(`http://console.test${path}${options.query ? `?${options.query}` : ''}`, {
      method,
      headers,
      body,
    }),
    { params: Promise.resolve(params) },
  );
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : {} };
}
