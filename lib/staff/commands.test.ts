import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditEvents, staffAccounts, staffSessions, staffUsers } from '@/db/schema';
import type { StaffActor } from '@/lib/auth/actor';
import type { RequestContext } from '@/lib/context';
import { ForbiddenError } from '@/lib/errors';
import { changeStaffRole, createStaffMember, setStaffDisabled } from './commands';
import { listStaff } from './queries';
import type { StaffRole } from './schemas';
import { insertStaffMember } from './store';

let counter = 0;

async function member(role: StaffRole) {
  counter += 1;
  const user = await insertStaffMember(db, {
    name: `Member ${counter}`,
    email: `member-${counter}@example.com`,
    role,
    password: 'a long enough password',
  });
  const actor: StaffActor = {
    kind: 'staff',
    id: user.id,
    role,
    name: user.name,
    email: user.email,
  };
  const context: RequestContext = { actor, requestId: `req_staff${counter}`, source: 'dashboard' };
  return { user, actor, context };
}

async function addSession(userId: string) {
  await db.insert(staffSessions).values({
    id: randomUUID(),
    token: randomUUID(),
    userId,
    expiresAt: new Date(Date.now() + 3_600_000),
  });
}

const sessionsOf = (userId: string) =>
  db.select().from(staffSessions).where(eq(staffSessions.userId, userId));

const auditOf = (action: string) =>
  db.select().from(auditEvents).where(eq(auditEvents.action, action));

describe('createStaffMember', () => {
  it('adds a member with a hashed credential and audits ids and role only', async () => {
    const { context } = await member('admin');
    const created = await createStaffMember(context, {
      name: 'Nora New',
      email: 'Nora.New@Example.com',
      role: 'viewer',
      password: 'initial password 1',
    });
    expect(created).toMatchObject({
      name: 'Nora New',
      email: 'nora.new@example.com',
      role: 'viewer',
    });
    expect(created).not.toHaveProperty('password');
    const [account] = await db
      .select()
      .from(staffAccounts)
      .where(eq(staffAccounts.userId, created.id));
    expect(account?.password).toMatch(/^\$argon2id\$/);
    const [event] = (await auditOf('staff.created')).filter((e) => e.after?.staffId === created.id);
    expect(event?.after).toEqual({ staffId: created.id, role: 'viewer' });
    expect(JSON.stringify(event)).not.toMatch(/nora|initial password/i);
  });

  it('answers a duplicate email with a conflict on the email field', async () => {
    const { context } = await member('admin');
    const input = {
      name: 'Twin',
      email: 'twin@example.com',
      role: 'support',
      password: 'twin password 12',
    } as const;
    await createStaffMember(context, input);
    await expect(
      createStaffMember(context, { ...input, email: 'TWIN@example.com' }),
    ).rejects.toMatchObject({
      status: 409,
      code: 'email_taken',
      errors: [{ field: 'email', message: expect.any(String) }],
    });
  });

  it('refuses a password shorter than 12 characters, naming the field', async () => {
    const { context } = await member('admin');
    await expect(
      createStaffMember(context, {
        name: 'Short',
        email: 'short@example.com',
        role: 'viewer',
        password: 'too short',
      }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      errors: [expect.objectContaining({ field: 'password' })],
    });
  });

  it.each(['support', 'viewer'] as const)('refuses a %s', async (role) => {
    const { context } = await member(role);
    await expect(
      createStaffMember(context, {
        name: 'No',
        email: `no-${role}@example.com`,
        role: 'admin',
        password: 'a long password 1',
      }),
    ).rejects.toThrow(ForbiddenError);
    expect(
      await db
        .select()
        .from(staffUsers)
        .where(eq(staffUsers.email, `no-${role}@example.com`)),
    ).toEqual([]);
  });
});

describe('changeStaffRole', () => {
  it('changes the role and audits the role before and after', async () => {
    const { context } = await member('admin');
    const { user } = await member('viewer');
    const changed = await changeStaffRole(context, user.id, 'support');
    expect(changed.role).toBe('support');
    const [event] = (await auditOf('staff.role_changed')).filter(
      (e) => e.after?.staffId === user.id,
    );
    expect(event).toMatchObject({
      before: { staffId: user.id, role: 'viewer' },
      after: { staffId: user.id, role: 'support' },
      changedFields: ['role'],
    });
  });

  it('refuses a role that does not exist', async () => {
    const { context } = await member('admin');
    const { user } = await member('viewer');
    await expect(changeStaffRole(context, user.id, 'owner' as StaffRole)).rejects.toMatchObject({
      code: 'validation_failed',
      errors: [expect.objectContaining({ field: 'role' })],
    });
  });

  it('answers not found for an unknown member', async () => {
    const { context } = await member('admin');
    await expect(changeStaffRole(context, 'nobody', 'viewer')).rejects.toMatchObject({
      status: 404,
    });
  });

  it.each(['support', 'viewer'] as const)(
    'refuses a %s, leaving the role as it was',
    async (role) => {
      const { context } = await member(role);
      const { user } = await member('viewer');
      await expect(changeStaffRole(context, user.id, 'admin')).rejects.toThrow(ForbiddenError);
      const [row] = await db.select().from(staffUsers).where(eq(staffUsers.id, user.id));
      expect(row?.role).toBe('viewer');
    },
  );
});

describe('setStaffDisabled', () => {
  it('disables a member and ends every session of theirs in the same change', async () => {
    const { context } = await member('admin');
    const { user } = await member('support');
    const { user: bystander } = await member('support');
    await addSession(user.id);
    await addSession(user.id);
    await addSession(bystander.id);

    const disabled = await setStaffDisabled(context, user.id, true);
    expect(disabled.disabled).toBe(true);
    expect(await sessionsOf(user.id)).toEqual([]);
    expect(await sessionsOf(bystander.id)).toHaveLength(1);
    const [event] = (await auditOf('staff.disabled')).filter((e) => e.after?.staffId === user.id);
    expect(event?.after).toEqual({ staffId: user.id, disabled: true });
  });

  it('enables a disabled member again and audits it', async () => {
    const { context } = await member('admin');
    const { user } = await member('viewer');
    await setStaffDisabled(context, user.id, true);
    const enabled = await setStaffDisabled(context, user.id, false);
    expect(enabled.disabled).toBe(false);
    expect((await auditOf('staff.enabled')).some((e) => e.after?.staffId === user.id)).toBe(true);
  });

  it('does not let an admin disable themselves', async () => {
    const { user, context } = await member('admin');
    await member('admin');
    await addSession(user.id);
    await expect(setStaffDisabled(context, user.id, true)).rejects.toMatchObject({
      status: 409,
      code: 'cannot_disable_self',
    });
    expect(await sessionsOf(user.id)).toHaveLength(1);
  });

  it.each(['support', 'viewer'] as const)(
    'refuses a %s and keeps the member signed in',
    async (role) => {
      const { context } = await member(role);
      const { user } = await member('viewer');
      await addSession(user.id);
      await expect(setStaffDisabled(context, user.id, true)).rejects.toThrow(ForbiddenError);
      expect(await sessionsOf(user.id)).toHaveLength(1);
    },
  );
});

describe('the last active admin', () => {
  it('cannot be demoted or disabled, while an admin with a colleague can be', async () => {
    // A database of its own admins: disable every admin made by earlier tests.
    await db.update(staffUsers).set({ disabled: true }).where(eq(staffUsers.role, 'admin'));
    const { user: first, context: asFirst } = await member('admin');
    const { user: second, context: asSecond } = await member('admin');

    await setStaffDisabled(asFirst, second.id, true);
    await expect(changeStaffRole(asFirst, first.id, 'support')).rejects.toMatchObject({
      status: 409,
      code: 'last_admin',
    });
    // The disabled admin's request still in flight: the rule holds whoever asks.
    await expect(setStaffDisabled(asSecond, first.id, true)).rejects.toMatchObject({
      code: 'last_admin',
    });
    const [row] = await db.select().from(staffUsers).where(eq(staffUsers.id, first.id));
    expect(row).toMatchObject({ role: 'admin', disabled: false });

    await setStaffDisabled(asFirst, second.id, false);
    const demoted = await changeStaffRole(asFirst, first.id, 'support');
    expect(demoted.role).toBe('support');
  });
  it('survives two admins disabling each other at the same moment: exactly one wins', async () => {
    await db.update(staffUsers).set({ disabled: true }).where(eq(staffUsers.role, 'admin'));
    const { user: first, context: asFirst } = await member('admin');
    const { user: second, context: asSecond } = await member('admin');
    const results = await Promise.allSettled([
      setStaffDisabled(asFirst, second.id, true),
      setStaffDisabled(asSecond, first.id, true),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = results.find((r) => r.status === 'rejected');
    expect(rejected?.reason).toMatchObject({ code: 'last_admin' });
    const active = await db
      .select()
      .from(staffUsers)
      .where(and(eq(staffUsers.role, 'admin'), eq(staffUsers.disabled, false)));
    expect(active).toHaveLength(1);
  });
});

describe('listStaff', () => {
  it('lists members for an admin without credentials and refuses other roles', async () => {
    const { actor } = await member('admin');
    const staff = await listStaff(actor);
    expect(staff.length).toBeGreaterThan(1);
    expect(staff[0]).toEqual({
      id: expect.any(String),
      name: expect.any(String),
      email: expect.any(String),
      role: expect.any(String),
      disabled: expect.any(Boolean),
      createdAt: expect.any(Date),
      updatedAt: expect.any(Date),
    });
    await expect(listStaff({ ...actor, role: 'support' })).rejects.toThrow(ForbiddenError);
    await expect(listStaff({ ...actor, role: 'viewer' })).rejects.toThrow(ForbiddenError);
  });
});
