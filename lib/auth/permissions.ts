import { ForbiddenError } from '@/lib/errors';
import type { StaffRole } from '@/lib/staff/schemas';
import type { Actor } from './actor';

/**
 * Every domain function asks here before it reads or writes. Pages use the same table to
 * hide what a role cannot do; that is convenience, this is the rule.
 */
const STAFF_PERMISSIONS = {
  'customers:read': ['admin', 'support', 'viewer'],
  'customers:read-pii': ['admin', 'support'],
  'customers:write': ['admin', 'support'],
  'customers:delete': ['admin'],
  'kyc:decide': ['admin'],
  'wallets:write': ['admin', 'support'],
  'sandbox:move-funds': ['admin', 'support'],
  'audit:read': ['admin', 'support', 'viewer'],
  'deletion-requests:file': ['admin', 'support'],
  'deletion-requests:review': ['admin'],
  'exports:run': ['admin', 'support'],
  'exports:subject-access': ['admin'],
  'api-keys:manage': ['admin'],
  'staff:manage': ['admin'],
} as const satisfies Record<string, readonly StaffRole[]>;

export type Permission = keyof typeof STAFF_PERMISSIONS;

/** What an integrator's API key may do: the customer API, nothing of the console's own. */
const API_KEY_PERMISSIONS: ReadonlySet<Permission> = new Set<Permission>([
  'customers:read',
  'customers:read-pii',
  'customers:write',
  'customers:delete',
  'wallets:write',
  'sandbox:move-funds',
]);

export function can(actor: Actor, permission: Permission): boolean {
  if (actor.kind === 'api_key') return API_KEY_PERMISSIONS.has(permission);
  return (STAFF_PERMISSIONS[permission] as readonly StaffRole[]).includes(actor.role);
}

export function authorize(actor: Actor, permission: Permission): void {
  if (!can(actor, permission))
    throw new ForbiddenError(`Your role may not do this (${permission}).`);
}
