import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { apiKeys, auditEvents } from '@/db/schema';
import type { StaffActor } from '@/lib/auth/actor';
import type { RequestContext } from '@/lib/context';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { insertStaffMember } from '@/lib/staff/store';
import { API_KEYS_CHANNEL, authenticateApiKey, verifiedApiKeyCache } from './authenticate';
import { createApiKey, revokeApiKey } from './commands';
import { hashApiKeySecret } from './secret';

let admin: StaffActor;
const asStaff = (role: StaffActor['role']): RequestContext => ({
  actor: { kind: 'staff', id: `staff-${role}`, role, name: role, email: `${role}@example.com` },
  requestId: 'req_apikeystest',
  source: 'dashboard',
});
const asAdmin = (): RequestContext => ({
  actor: admin,
  requestId: 'req_apikeystest',
  source: 'dashboard',
});
const keyHeaders = (secret: string) => new Headers({ 'x-api-key': secret });

beforeAll(async () => {
  const user = await insertStaffMember(db, {
    name: 'Key Admin',
    email: 'key-admin@example.com',
    role: 'admin',
    password: 'key admin password',
  });
  admin = { kind: 'staff', id: user.id, role: 'admin', name: user.name, email: user.email };
});

describe('createApiKey', () => {
  it('returns the secret once and stores only its hash and a display prefix', async () => {
    const { key, secret } = await createApiKey(asAdmin(), {
      name: 'Billing service',
      mode: 'live',
    });
    expect(secret).toMatch(/^sk_live_[A-Za-z0-9]{32}$/);
    const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, key.id));
    expect(row).toMatchObject({ name: 'Billing service', mode: 'live', createdBy: admin.id });
    expect(row!.hash).toBe(hashApiKeySecret(secret));
    expect(row!.prefix).toBe(`${secret.slice(0, 12)}…${secret.slice(-4)}`);
    expect(Object.values(row!)).not.toContain(secret);
    expect(await authenticateApiKey(keyHeaders(secret))).toMatchObject({
      kind: 'api_key',
      id: key.id,
      mode: 'live',
    });
  });

  it('writes an audit event naming the key but never its secret', async () => {
    const { key, secret } = await createApiKey(asAdmin(), { name: 'Audited key', mode: 'test' });
    const events = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'api_key.created'));
    const event = events.find((e) => e.after?.keyId === key.id);
    expect(event).toMatchObject({ actorId: admin.id, source: 'dashboard' });
    expect(JSON.stringify(event)).not.toContain(secret);
  });

  it('names the field when the name is missing', async () => {
    await expect(createApiKey(asAdmin(), { name: '  ', mode: 'test' })).rejects.toMatchObject({
      code: 'validation_failed',
      errors: [expect.objectContaining({ field: 'name' })],
    });
  });

  it.each(['support', 'viewer'] as const)('refuses a %s from the dashboard', async (role) => {
    const before = await db.$count(apiKeys);
    await expect(createApiKey(asStaff(role), { name: 'Sneaky', mode: 'live' })).rejects.toThrow(
      ForbiddenError,
    );
    expect(await db.$count(apiKeys)).toBe(before);
  });
});

describe('revokeApiKey', () => {
  it('revokes an active key, after which it no longer authenticates', async () => {
    const { key, secret } = await createApiKey(asAdmin(), { name: 'To revoke', mode: 'test' });
    // Twice: the second answer comes from the cache of verified keys, which revoking clears.
    await expect(authenticateApiKey(keyHeaders(secret))).resolves.toMatchObject({ id: key.id });
    await expect(authenticateApiKey(keyHeaders(secret))).resolves.toMatchObject({ id: key.id });
    const revoked = await revokeApiKey(asAdmin(), key.id);
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    await expect(authenticateApiKey(keyHeaders(secret))).rejects.toMatchObject({
      code: 'unauthorized',
    });
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'api_key.revoked'));
    expect(event?.after).toMatchObject({ keyId: key.id });
  });

  it('reaches an instance that cached the key: another instance’s revocation notifies it', async () => {
    const { key, secret } = await createApiKey(asAdmin(), { name: 'Elsewhere', mode: 'test' });
    await expect(authenticateApiKey(keyHeaders(secret))).resolves.toMatchObject({ id: key.id });
    await expect.poll(() => verifiedApiKeyCache().live).toBe(true);
    await expect(authenticateApiKey(keyHeaders(secret))).resolves.toMatchObject({ id: key.id });
    expect(verifiedApiKeyCache().size).toBeGreaterThan(0);

    // Revoked behind the app's back, without a notification: the cached key still works,
    // which shows the cache answers (no query per call)...
    await db.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, key.id));
    await expect(authenticateApiKey(keyHeaders(secret))).resolves.toMatchObject({ id: key.id });
    // ...until the notification another instance's revokeApiKey sends on commit arrives.
    await db.execute(sql`select pg_notify(${API_KEYS_CHANNEL}, ${key.id})`);
    await expect
      .poll(
        () =>
          authenticateApiKey(keyHeaders(secret)).then(
            () => 'accepted',
            () => 'refused',
          ),
        {
          timeout: 5_000,
        },
      )
      .toBe('refused');
  });

  it('answers not found for an unknown or already revoked key', async () => {
    const { key } = await createApiKey(asAdmin(), { name: 'Twice', mode: 'test' });
    await revokeApiKey(asAdmin(), key.id);
    await expect(revokeApiKey(asAdmin(), key.id)).rejects.toThrow(NotFoundError);
    await expect(revokeApiKey(asAdmin(), 'key_doesnotexist')).rejects.toThrow(NotFoundError);
  });

  it.each(['support', 'viewer'] as const)(
    'refuses a %s and leaves the key working',
    async (role) => {
      const { key, secret } = await createApiKey(asAdmin(), { name: `Kept ${role}`, mode: 'test' });
      await expect(revokeApiKey(asStaff(role), key.id)).rejects.toThrow(ForbiddenError);
      const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, key.id));
      expect(row!.revokedAt).toBeNull();
      await expect(authenticateApiKey(keyHeaders(secret))).resolves.toMatchObject({ id: key.id });
    },
  );
});
