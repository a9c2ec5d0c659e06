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
