import 'server-only';
import { betterAuth } from 'better-auth';
import { APIError } from 'better-auth/api';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { nextCookies } from 'better-auth/next-js';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import * as schema from '@/db/schema';
import { hashPassword, verifyPassword } from './password';
import { authSecret } from './secret';

function createAuth() {
  return betterAuth({
    appName: 'Customer Console',
    secret: authSecret(),
    baseURL: process.env.BETTER_AUTH_URL,
    // Without a configured URL, the origin the browser addressed (Host header) is the trusted
    // one: a same-origin check, which is what the CSRF guard needs.
    trustedOrigins: (request) => [process.env.BETTER_AUTH_URL, request && requestOrigin(request)],
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: {
        staffUsers: schema.staffUsers,
        staffSessions: schema.staffSessions,
        staffAccounts: schema.staffAccounts,
        staffVerifications: schema.staffVerifications,
        authRateLimits: schema.authRateLimits,
      },
    }),
    user: {
      modelName: 'staffUsers',
      additionalFields: {
        role: { type: 'string', required: true, input: false, defaultValue: 'viewer' },
        disabled: { type: 'boolean', required: true, input: false, defaultValue: false },
      },
    },
    session: {
      modelName: 'staffSessions',
      expiresIn: 60 * 60 * 12,
      updateAge: 60 * 60,
    },
    account: { modelName: 'staffAccounts' },
    verification: { modelName: 'staffVerifications' },
    emailAndPassword: {
      enabled: true,
      // Staff are added by an admin (settings page or CLI), never by public sign-up.
      disableSignUp: true,
      minPasswordLength: 12,
      password: { hash: hashPassword, verify: verifyPassword },
    },
    // Login throttling lives in PostgreSQL so every app instance shares it.
    rateLimit: {
      enabled: true,
      storage: 'database',
      modelName: 'authRateLimits',
      window: 60,
      max: 100,
      customRules: {
        '/sign-in/email': { window: 60, max: Number(process.env.AUTH_SIGN_IN_LIMIT ?? 10) },
      },
    },
    databaseHooks: {
      session: {
        create: {
          before: async (session) => {
            const [user] = await db
              .select({ disabled: schema.staffUsers.disabled })
              .from(schema.staffUsers)
              .where(eq(schema.staffUsers.id, session.userId));
            if (!user || user.disabled) {
              throw new APIError('FORBIDDEN', { message: 'This account is disabled.' });
            }
          },
        },
      },
    },
    telemetry: { enabled: false },
    logger: { level: process.env.NODE_ENV === 'test' ? 'error' : 'warn' },
    plugins: [nextCookies()],
  });
}

function requestOrigin(request: Request): string | null {
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (!host) return null;
  const proto =
    request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() ??
    new URL(request.url).protocol.replace(':', '');
  return `${proto}://${host}`;
}

type Auth = ReturnType<typeof createAuth>;
const holder = globalThis as typeof globalThis & { __customerConsoleAuth?: Auth };

/** Created on first use: `next build` imports this module without a database or secret. */
export function getAuth(): Auth {
  holder.__customerConsoleAuth ??= createAuth();
  return holder.__customerConsoleAuth;
}
