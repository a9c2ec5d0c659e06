import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { apiKeys } from '@/db/schema';
import type { StaffActor } from '@/lib/auth/actor';
import { ForbiddenError } from '@/lib/errors';
import { insertStaffMember } from '@/lib/staff/store';
import { createApiKey, revokeApiKey } from './commands';
import { listApiKeys } from './queries';

let admin: StaffActor;

beforeAll(async () => {
  const user = await insertStaffMember(db, {
    name: 'Grace Keymaker',
    email: 'grace@example.com',
    role: 'admin',
    password: 'grace admin password',
  });
  admin = { kind: 'staff', id: user.id, role: 'admin', name: user.name, email: user.email };
});

describe('listApiKeys', () => {
  it('lists active keys first, newest first, with the creator name and never the hash', async () => {
    const context = { actor: admin, requestId: 'req_listkeys', source: 'dashboard' } as const;
    const cli = { ...context, source: 'cli' } as const;
    const { key: old } = await createApiKey(context, { name: 'Old', mode: 'live' });
    await db
      .update(apiKeys)
      .set({ createdAt: new Date('2026-01-01T00:00:00Z') })
      .where(eq(apiKeys.id, old.id));
    const { key: fromCli } = await createApiKey(cli, { name: 'From CLI', mode: 'test' });
    const { key: revoked } = await createApiKey(context, { name: 'Revoked', mode: 'test' });
    await revokeApiKey(context, revoked.id);

    const keys = await listApiKeys(admin);
    expect(keys.map((k) => [k.name, k.status, k.createdByName])).toEqual([
      ['From CLI', 'active', null],
      ['Old', 'active', 'Grace Keymaker'],
      ['Revoked', 'revoked', 'Grace Keymaker'],
    ]);
    expect(keys[0]).toMatchObject({ id: fromCli.id, mode: 'test', lastUsedAt: null });
    expect(keys[0]!.prefix).toMatch(/^sk_test_/);
    expect(keys[2]!.revokedAt).toBeInstanceOf(Date);
    for (const key of keys) expect(key).not.toHaveProperty('hash');
  });

  it.each(['support', 'viewer'] as const)('refuses a %s', async (role) => {
    await expect(listApiKeys({ ...admin, role })).rejects.toThrow(ForbiddenError);
  });
});
