import type { z } from 'zod';

import type { FieldError } from '@/lib/errors';

function dottedPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/**
 * Flattens zod issues into the `errors` of a validation problem: one entry per bad field,
 * nested fields by dotted path, one entry per unknown key (`residentialAddress.zip`).
 */
export function zodIssuesToFieldErrors(error: z.ZodError): FieldError[] {
  const fieldErrors: FieldError[] = [];
  const seen = new Set<string>();
  const add = (path: readonly PropertyKey[], message: string) => {
    const field = dottedPath(path);
    // Checks that overlap (a bad format that is also too long) would otherwise repeat themselves.
    const key = JSON.stringify([field, message]);
    if (seen.has(key)) return;
    seen.add(key);
    fieldErrors.push({ field, message });
  };

  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add([...issue.path, key], 'Unknown field');
    } else if (issue.code === 'invalid_key') {
      // zod's own text ("Invalid key in record") says less than the key schema's message.
      add(issue.path, issue.issues[0]?.message ?? issue.message);
    } else {
      add(issue.path, issue.message);
    }
  }
  return fieldErrors;
}
