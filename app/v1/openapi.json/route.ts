import { newRequestId } from '@/lib/ids';
import { openApiDocument } from '@/lib/openapi/document';

/** The API's OpenAPI 3.1 document, public like any API reference, generated from the zod schemas. */
let cached: string | undefined;

export function GET() {
  cached ??= JSON.stringify(openApiDocument());
  return new Response(cached, {
    headers: { 'Content-Type': 'application/json', 'X-Request-Id': newRequestId() },
  });
}
