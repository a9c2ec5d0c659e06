import { createHash } from 'node:crypto';
import { ValidationError } from '@/lib/errors';

/**
 * Keyset cursors for the audit log: an event's (occurredAt, id), the direction to walk from
 * it, and a fingerprint of the filters. A cursor used with other filters, or tampered with, is
 * refused rather than silently opening another list.
 */
export type AuditCursorDirection = 'older' | 'newer';
export type AuditCursor = { occurredAt: Date; id: number; direction: AuditCursorDirection };

export function auditFiltersFingerprint(filters: Record<string, string | undefined>): string {
  const canonical = JSON.stringify(
    Object.entries(filters)
      .filter(([, value]) => value !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 16);
}

export function encodeAuditCursor(cursor: AuditCursor, fingerprint: string): string {
  const payload = JSON.stringify([
    cursor.occurredAt.toISOString(),
    cursor.id,
    cursor.direction,
    fingerprint,
  ]);
  return Buffer.from(payload).toString('base64url');
}

export function decodeAuditCursor(value: string, fingerprint: string): AuditCursor {
  const invalid = () =>
    new ValidationError([
      {
        field: 'cursor',
        message: 'Is not a cursor from a page of this same audit log (same filters)',
      },
    ]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) throw invalid();
  const [time, id, direction, print] = parsed as unknown[];
  if (typeof time !== 'string' || typeof print !== 'string') throw invalid();
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) throw invalid();
  if (direction !== 'older' && direction !== 'newer') throw invalid();
  const occurredAt = new Date(time);
  if (Number.isNaN(occurredAt.getTime())) throw invalid();
  if (print !== fingerprint) throw invalid();
  return { occurredAt, id, direction };
}
