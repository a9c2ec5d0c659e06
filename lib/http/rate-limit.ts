/**
 * Per-API-key token bucket, kept in this instance's memory on purpose: a database write per
 * request would cost more than the request. With N instances a key gets up to N× the rate
 * (documented in the README).
 */
type Bucket = { tokens: number; updatedAt: number };

export function createRateLimiter({
  ratePerSecond,
  burst,
}: {
  ratePerSecond: number;
  burst: number;
}) {
  const buckets = new Map<string, Bucket>();
  /** Takes one token; returns 0 when allowed, else the whole seconds to wait. */
  return function take(key: string, now = Date.now()): number {
    const bucket = buckets.get(key) ?? { tokens: burst, updatedAt: now };
    bucket.tokens = Math.min(
      burst,
      bucket.tokens + ((now - bucket.updatedAt) / 1000) * ratePerSecond,
    );
    bucket.updatedAt = now;
    buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / ratePerSecond));
  };
}

const ratePerSecond = Number(process.env.API_RATE_LIMIT ?? 100);
export const takeRateLimitToken = createRateLimiter({
  ratePerSecond,
  burst: Number(process.env.API_RATE_BURST ?? ratePerSecond * 2),
});
