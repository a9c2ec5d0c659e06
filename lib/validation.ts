import type { z } from 'zod';
import { ValidationError } from '@/lib/errors';
import { zodIssuesToFieldErrors } from '@/lib/customers/validation-errors';

/** Parses with a zod schema or throws the domain's ValidationError naming every bad field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(zodIssuesToFieldErrors(result.error));
  return result.data;
}
