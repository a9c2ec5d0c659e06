import { describe, expect, it } from 'vitest';
import { ForbiddenError } from '@/lib/errors';
import type { Actor } from './actor';
import { authorize, can } from './permissions';

const staff = (role: 'admin' | 'support' | 'viewer'): Actor => ({
  kind: 'staff',
  id: `user-${role}`,
  role,
  name: role,
  email: `${role}@example.com`,
});
const apiKey: Actor = { kind: 'api_key', id: 'key_1', name: 'integration', mode: 'test' };

describe('permissions', () => {
  it('lets every role read customers', () => {
    for (const role of ['admin', 'support', 'viewer'] as const) {
      expect(can(staff(role), 'customers:read')).toBe(true);
    }
  });

  it('keeps deletion, KYC decisions, keys and staff to admins', () => {
    for (const permission of [
      'customers:delete',
      'kyc:decide',
      'api-keys:manage',
      'staff:manage',
    ] as const) {
      expect(can(staff('admin'), permission)).toBe(true);
      expect(can(staff('support'), permission)).toBe(false);
      expect(can(staff('viewer'), permission)).toBe(false);
    }
  });

  it('lets support edit but keeps viewers read-only and masked', () => {
    expect(can(staff('support'), 'customers:write')).toBe(true);
    expect(can(staff('viewer'), 'customers:write')).toBe(false);
    expect(can(staff('viewer'), 'customers:read-pii')).toBe(false);
  });

  it('gives API keys the customer API but nothing of the console', () => {
    expect(can(apiKey, 'customers:delete')).toBe(true);
    expect(can(apiKey, 'api-keys:manage')).toBe(false);
    expect(can(apiKey, 'staff:manage')).toBe(false);
  });

  it('throws a forbidden error naming the permission', () => {
    expect(() => authorize(staff('viewer'), 'customers:write')).toThrow(ForbiddenError);
    expect(() => authorize(staff('viewer'), 'customers:write')).toThrow(/customers:write/);
  });
});
