import { describe, expect, it } from 'vitest';
import { call, createTestApiKey } from '@/test/api';

// The limiter reads its rate when first imported: set a tiny one before loading the route.
process.env.API_RATE_LIMIT = '1';
process.env.API_RATE_BURST = '3';
const { GET } = await import('./route');

describe('per-key rate limit', () => {
  it('answers 429 rate_limited with Retry-After once a key exceeds its rate, other keys unaffected', async () => {
    const busy = await createTestApiKey('busy');
    const quiet = await createTestApiKey('quiet');
    const statuses: number[] = [];
    let limited;
    for (let i = 0; i < 5; i++) {
      const response = await call(GET, 'GET', '/v1/customers', {}, { key: busy });
      statuses.push(response.status);
      if (response.status === 429) limited = response;
    }
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(statuses).toContain(429);
    expect(limited!.json.code).toBe('rate_limited');
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await call(GET, 'GET', '/v1/customers', {}, { key: quiet })).status).toBe(200);
  });
});
