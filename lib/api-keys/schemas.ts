import { z } from 'zod';

export const apiKeyCreateSchema = z.strictObject({
  name: z.string().trim().min(1, 'Name the key after who uses it').max(100),
  mode: z.enum(['live', 'test']).default('test'),
});
export type ApiKeyCreateInput = z.input<typeof apiKeyCreateSchema>;
