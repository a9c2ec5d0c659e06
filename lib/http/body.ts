import { DomainError } from '@/lib/errors';
import { problems } from './problem';

export const MAX_BODY_BYTES = 65_536;

export class BodyError extends DomainError {
  constructor(problem: { status: number; code: string; title: string; detail: string }) {
    super(problem.code, problem.status, problem.title, problem.detail);
  }
}

function isJsonContentType(value: string | null): boolean {
  if (!value) return false;
  const mediaType = value.split(';')[0]!.trim().toLowerCase();
  return mediaType === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType);
}

/**
 * Reads a JSON object body. Counts bytes as they arrive (chunked or not) and stops past 64 KiB
 * rather than trusting Content-Length; an empty body means `{}`.
 */
export async function readJsonObjectBody(
  request: Request,
): Promise<{ raw: string; body: Record<string, unknown> }> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > MAX_BODY_BYTES) throw new BodyError(problems.payloadTooLarge());
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BODY_BYTES) {
        await reader.cancel().catch(() => undefined);
        throw new BodyError(problems.payloadTooLarge());
      }
      chunks.push(value);
    }
  }
  const raw = Buffer.concat(chunks).toString('utf8');
  if (raw.trim() === '') return { raw: '', body: {} };
  if (!isJsonContentType(request.headers.get('content-type'))) {
    throw new BodyError(problems.unsupportedMediaType());
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new BodyError(problems.invalidJson('The request body is not valid JSON.'));
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new BodyError(problems.invalidJson('The request body must be a JSON object.'));
  }
  return { raw, body: parsed as Record<string, unknown> };
}
