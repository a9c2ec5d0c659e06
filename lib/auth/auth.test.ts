import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { authRateLimits, staffAccounts, staffUsers } from '@/db/schema';
import { insertStaffMember } from '@/lib/staff/store';
import { getAuth } from './auth';

const origin = 'http://console.test';

function signIn(email: string, password: string, ip: string) {
  return getAuth().handler(
    new Request(`${origin}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin, 'x-forwarded-for': ip },
      body: JSON.stringify({ email, password }),
    }),
  );
}

describe('staff sign-in', () => {
  it('stores only an argon2id hash of the password', async () => {
    const member = await insertStaffMember(db, {
      name: 'Hash Check',
      email: 'hash@example.com',
      role: 'support',
      password: 'correct horse battery',
    });
    const [account] = await db
      .select()
      .from(staffAccounts)
      .where(eq(staffAccounts.userId, member.id));
    expect(account?.password).toMatch(/^\$argon2id\$/);
    expect(account?.password).not.toContain('correct horse');
  });

  it('signs a staff member in with the right password and refuses a wrong one', async () => {
    await insertStaffMember(db, {
      name: 'Sign In',
      email: 'signin@example.com',
      role: 'admin',
      password: 'right password 1',
    });
    const wrong = await signIn('signin@example.com', 'wrong password 1', '10.0.0.1');
    expect(wrong.status).toBe(401);
    const right = await signIn('signin@example.com', 'right password 1', '10.0.0.1');
    expect(right.status).toBe(200);
    expect(right.headers.get('set-cookie')).toMatch(/session_token=/);
    const body = (await right.json()) as { user: { role: string } };
    expect(body.user.role).toBe('admin');
  });

  it('refuses a disabled staff member even with the right password', async () => {
    const member = await insertStaffMember(db, {
      name: 'Disabled',
      email: 'disabled@example.com',
      role: 'support',
      password: 'right password 2',
    });
    await db.update(staffUsers).set({ disabled: true }).where(eq(staffUsers.id, member.id));
    const response = await signIn('disabled@example.com', 'right password 2', '10.0.0.2');
    expect(response.status).toBe(403);
  });

  it('does not let anyone sign up', async () => {
    const response = await getAuth().handler(
      new Request(`${origin}/api/auth/sign-up/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin, 'x-forwarded-for': '10.0.0.3' },
        body: JSON.stringify({
          email: 'new@example.com',
          password: 'a long password',
          name: 'New',
        }),
      }),
    );
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(
      await db.select().from(staffUsers).where(eq(staffUsers.email, 'new@example.com')),
    ).toEqual([]);
  });

  it('throttles repeated sign-in attempts from one address, counting them in the database', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt++) {
      statuses.push((await signIn('nobody@example.com', 'guess guess guess', '10.9.9.9')).status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    const counters = await db.select().from(authRateLimits);
    expect(counters.some((row) => row.key.includes('10.9.9.9'))).toBe(true);
  });
});
