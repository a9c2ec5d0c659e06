import { sql } from 'drizzle-orm';

/**
 * A prepared statement built on first use: building it at import would open the database
 * while `next build` merely loads the module.
 */
export function prepared<T>(build: () => T): () => T {
  let statement: T | undefined;
  return () => (statement ??= build());
}

/**
 * The name of a run-time-built statement that PostgreSQL should parse and plan once per
 * connection instead of on every call. `shape` must name everything that changes the SQL
 * text (which filters, how many values in an IN list, cursor or offset), never the values
 * themselves, which stay parameters. node-postgres refuses one name for two different texts,
 * so a shape key that missed something fails loudly rather than running the wrong statement.
 */
export function statementName(prefix: string, shape: string): string {
  let hash = 0x811c9dc5; // FNV-1a, 32 bits: names stay short (PostgreSQL allows 63 bytes).
  for (let i = 0; i < shape.length; i++) {
    hash ^= shape.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${prefix}_${(hash >>> 0).toString(36)}`;
}

/**
 * A LIMIT written into the statement's text rather than sent as a parameter, for statements
 * prepared by shape (put the number in the shape). PostgreSQL costs a parameterised LIMIT as
 * 10% of the table, so the generic plan of a 21-row page looks expensive: the server then
 * re-plans on every call (~0.3 ms) and, above `jit_above_cost`, would JIT-compile the plan.
 * With the number in the text the one-off generic plan is right and cheap.
 * Drizzle's types allow only numbers and placeholders here; it renders any SQL object as is.
 */
export function literalLimit(limit: number): number {
  if (!Number.isSafeInteger(limit) || limit < 0) throw new Error(`Not a row limit: ${limit}`);
  return sql.raw(String(limit)) as unknown as number;
}
