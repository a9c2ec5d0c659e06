import type { Actor } from '@/lib/auth/actor';

/** Who is calling, from where, under which request id: passed to every domain command. */
export type RequestContext = {
  actor: Actor;
  requestId: string;
  source: 'api' | 'dashboard' | 'cli';
};
