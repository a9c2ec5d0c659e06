import { createHash } from 'node:crypto';
import { ValidationError } from '@/lib/errors';
import { canonicalFilters } from './list-filters';
import type { CustomerListFilters } from './schemas';

/**
 * Keyset cursors: the last row's (createdAt, id), the offset it stands at (so cursor pages
 * still report `page`), and a fingerprint of the filters and limit. A cursor used with other
 * filters, or tampered with, is refused rather than silently returning another list.
 */
export type CursorPosition = { createdAt: Date; id: string; offset: number };

export function filtersFingerprint(filters: CustomerListFilters, limit: number): string {
  return createHash('sha256')
    .update(canonicalFilters({ ...filters, limit }))
    .digest('base64url')
    .slice(0, 16);
}

export function encodeCursor(position: CursorPosition, fingerprint: string): string {
  const payload = JSON.stringify([
    position.createdAt.toISOString(),
    position.id,
    position.offset,
    fingerprint,
  ]);
  return Buffer.from(payload).toString('base64url');
}

export function decodeCursor(cursor: string, fingerprint: string): CursorPosition {
  const invalid = () =>
    new ValidationError([
      {
        field: 'cursor',
        message: 'Is not a cursor from a previous page of this same list (same filters and limit)',
      },
    ]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) throw invalid();
  const [time, id, offset, print] = parsed as unknown[];
  if (typeof time !== 'string' || typeof id !== 'string' || typeof print !== 'string')
    throw invalid();
  if (typeof offset !== 'number' || !Number.isSafeInteger(offset) || offset < 0) throw invalid();
  const createdAt = new Date(time);
  if (Number.isNaN(createdAt.getTime()) || !/^(cus|biz)_[A-Za-z0-9]{1,64}$/.test(id))
    throw invalid();
  if (print !== fingerprint) throw invalid();
  return { createdAt, id, offset };
}
