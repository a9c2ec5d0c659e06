/**
 * The framework ceiling for `npm run bench`: the cheapest response this server can give (no
 * database, no auth, a constant body), so every endpoint's req/s is read as a share of it.
 * Exists only when the server starts with BENCHMARK=1; otherwise it is a plain 404.
 */
export const dynamic = 'force-dynamic';

const BODY = JSON.stringify({ ok: true });

export function GET(): Response {
  if (process.env.BENCHMARK !== '1') {
    return new Response(null, { status: 404 });
  }
  return new Response(BODY, {
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
  });
}
