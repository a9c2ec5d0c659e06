import 'server-only';
import type { StaffActor } from '@/lib/auth/actor';
import { getStaffActor } from '@/lib/auth/session';
import type { RequestContext } from '@/lib/context';
import { DomainError } from '@/lib/errors';
import { newRequestId } from '@/lib/ids';
import type { ActionResult } from './result';

export type StaffContext = RequestContext & { actor: StaffActor };

/**
 * The one wrapper every server action goes through. A server action is a public POST
 * endpoint, so it never trusts the page that rendered it: it reads the session itself, and
 * the domain function it calls checks the role. Expected errors come back as values.
 */
export async function runStaffAction<T>(
  work: (context: StaffContext) => Promise<T>,
): Promise<ActionResult<T>> {
  const requestId = newRequestId();
  const actor = await getStaffActor();
  if (!actor) {
    return {
      ok: false,
      code: 'unauthorized',
      message: 'Your session has ended. Sign in again.',
      requestId,
    };
  }
  try {
    return { ok: true, data: await work({ actor, requestId, source: 'dashboard' }) };
  } catch (error) {
    if (error instanceof DomainError) {
      return {
        ok: false,
        code: error.code,
        message: error.message,
        fieldErrors: error.errors
          ? Object.fromEntries(error.errors.map((e) => [e.field, e.message]))
          : undefined,
        requestId,
      };
    }
    console.error(`[${requestId}] server action failed:`, error);
    return {
      ok: false,
      code: 'internal_error',
      message: `Something went wrong on our side (request ${requestId}).`,
      requestId,
    };
  }
}
