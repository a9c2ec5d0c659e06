import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { ActionResult } from '@/lib/actions/result';

type ActionFailure = Extract<ActionResult<unknown>, { ok: false }>;

/**
 * Puts a failed action's field errors beside their fields; returns the form-level message
 * (null when every error found its field), so nothing the server said gets lost.
 */
export function applyActionErrors<T extends FieldValues>(
  failure: ActionFailure,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
): string | null {
  let placed = false;
  let unplaced = false;
  for (const [field, message] of Object.entries(failure.fieldErrors ?? {})) {
    const known = fields.find((f) => f === field);
    if (known) {
      setError(known, { type: 'server', message }, { shouldFocus: !placed });
      placed = true;
    } else {
      unplaced = true;
    }
  }
  return placed && !unplaced ? null : failure.message;
}
