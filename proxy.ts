import { NextResponse, type NextRequest } from 'next/server';
import { getSessionCookie } from 'better-auth/cookies';

/**
 * Sends visitors without a session cookie to sign-in. This is a convenience redirect only:
 * every page, action and route handler checks the session itself in the domain layer.
 */
export function proxy(request: NextRequest) {
  if (getSessionCookie(request)) return NextResponse.next();
  const url = new URL('/sign-in', request.url);
  const next = request.nextUrl.pathname + request.nextUrl.search;
  if (next !== '/') url.searchParams.set('next', next);
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ['/((?!api/|v1/|bench/|sign-in|_next/|favicon.ico|robots.txt).*)'],
};
