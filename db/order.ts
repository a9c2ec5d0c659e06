import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/**
 * `col DESC NULLS LAST`, matching how drizzle-kit writes `.desc()` in an index. A plain DESC
 * means NULLS FIRST, which the planner cannot serve from those indexes: it would sort instead.
 */
export function descNullsLast(...columns: AnyColumn[]): SQL[] {
  return columns.map((column) => sql`${column} desc nulls last`);
}
