'use server';

import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/lib/actions/result';
import { runStaffAction } from '@/lib/actions/run-staff-action';
import { createApiKey, revokeApiKey } from './commands';
import type { ApiKeyCreateInput } from './schemas';

export type CreatedApiKey = {
  id: string;
  name: string;
  mode: 'live' | 'test';
  prefix: string;
  /** The only time the secret leaves the server; the database keeps a hash. */
  secret: string;
};

const API_KEYS_PAGE = '/settings/api-keys';

export async function createApiKeyAction(
  input: ApiKeyCreateInput,
): Promise<ActionResult<CreatedApiKey>> {
  return runStaffAction(async (context) => {
    const { key, secret } = await createApiKey(context, input);
    revalidatePath(API_KEYS_PAGE);
    return { id: key.id, name: key.name, mode: key.mode, prefix: key.prefix, secret };
  });
}

export async function revokeApiKeyAction(
  keyId: string,
): Promise<ActionResult<{ id: string; name: string }>> {
  return runStaffAction(async (context) => {
    const key = await revokeApiKey(context, String(keyId));
    revalidatePath(API_KEYS_PAGE);
    return { id: key.id, name: key.name };
  });
}
