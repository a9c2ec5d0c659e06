import { getAuth } from '@/lib/auth/auth';

/** better-auth's endpoints: sign-in, sign-out, session. Sign-up is disabled in its config. */
export function GET(request: Request) {
  return getAuth().handler(request);
}

export function POST(request: Request) {
  return getAuth().handler(request);
}
