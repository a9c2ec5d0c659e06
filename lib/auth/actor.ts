import type { StaffRole } from '@/lib/staff/schemas';

/** Who is calling a domain function: a signed-in staff member or an API key. */
export type StaffActor = {
  kind: 'staff';
  id: string;
  role: StaffRole;
  name: string;
  email: string;
};
export type ApiKeyActor = { kind: 'api_key'; id: string; name: string; mode: 'live' | 'test' };
export type Actor = StaffActor | ApiKeyActor;

export function actorLabel(actor: Actor): string {
  return actor.kind === 'staff' ? actor.email : `API key ${actor.name}`;
}
