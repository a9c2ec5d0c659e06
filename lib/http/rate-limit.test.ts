import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit';

describe('API key rate limit', () => {
  it('allows a burst, then asks the caller to wait, then refills with time', () => {
    const take = createRateLimiter({ ratePerSecond: 2, burst: 3 });
    const t0 = 1_000_000;
    expect([take('k', t0), take('k', t0), take('k', t0)]).toEqual([0, 0, 0]);
    expect(take('k', t0)).toBe(1);
    expect(take('k', t0 + 500)).toBe(0);
    expect(take('k', t0 + 500)).toBeGreaterThan(0);
  });

  it('counts each key separately', () => {
    const take = createRateLimiter({ ratePerSecond: 1, burst: 1 });
    expect(take('a', 0)).toBe(0);
    expect(take('a', 0)).toBe(1);
    expect(take('b', 0)).toBe(0);
  });
});
