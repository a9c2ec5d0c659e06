/**
 * A prepared statement built on first use: building it at import would open the database
 * while `next build` merely loads the module.
 */
export function prepared<T>(build: () => T): () => T {
  let statement: T | undefined;
  return () => (statement ??= build());
}
