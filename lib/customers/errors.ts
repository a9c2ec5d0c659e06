import { uniqueViolation } from '@/db/errors';
import { ConflictError, NotFoundError } from '@/lib/errors';

export const customerNotFound = () =>
  new NotFoundError('customer_not_found', 'No customer with this id exists.');

/** Maps a unique-index violation on customers to the contract's 409, or returns null. */
export function customerConflict(error: unknown): ConflictError | null {
  const constraint = uniqueViolation(error);
  if (constraint === null) return null;
  if (constraint.includes('email')) {
    return new ConflictError('email_taken', 'Another customer already uses this email address.', [
      { field: 'email', message: 'Already used by another customer' },
    ]);
  }
  if (constraint.includes('external_id')) {
    return new ConflictError(
      'external_id_taken',
      'Another customer already uses this externalId.',
      [{ field: 'externalId', message: 'Already used by another customer' }],
    );
  }
  return null;
}
