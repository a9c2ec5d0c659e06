import 'server-only';
import type { StaffActor } from '@/lib/auth/actor';
import { getStaffActor } from '@/lib/auth/session';
import type { RequestContext } from '@/lib/context';
import { UnauthorizedError } from '@/lib/errors';
import { newRequestId } from '@/lib/ids';
import { errorResponse } from './api-route';

type RouteContext<Params> = { params: Promise<Params> };

/** A file for the browser to save: a whole body, or a stream that is written as it is read. */
export type Download = {
  body: string | ReadableStream<Uint8Array>;
  contentType: string;
  /** ASCII only: it goes into the Content-Disposition header as it is. */
  filename: string;
};

/**
 * `sessionRoute` for downloads: the same staff session and problem+json errors, but the
 * answer is a file (Content-Disposition: attachment), and the handler gets a RequestContext,
 * since every export is an audited read. Errors before the first byte are problems; a stream
 * that fails later is logged with the request id and breaks off, which the browser reports.
 */
export function sessionDownloadRoute<Params = Record<string, never>>(
  handler: (input: {
    context: RequestContext & { actor: StaffActor };
    url: URL;
    params: Params;
  }) => Promise<Download>,
) {
  return async (request: Request, routeContext: RouteContext<Params>): Promise<Response> => {
    const requestId = newRequestId();
    try {
      const actor = await getStaffActor();
      if (!actor) throw new UnauthorizedError('Sign in to use the console.');
      const download = await handler({
        context: { actor, requestId, source: 'dashboard' },
        url: new URL(request.url),
        params: await routeContext.params,
      });
      return new Response(download.body, {
        headers: {
          'Content-Type': download.contentType,
          'Content-Disposition': `attachment; filename="${download.filename.replace(/[^\w.-]/g, '_')}"`,
          'Cache-Control': 'no-store',
          'X-Content-Type-Options': 'nosniff',
          'X-Request-Id': requestId,
        },
      });
    } catch (error) {
      return errorResponse(error, requestId, request);
    }
  };
}
