import { afterEach, describe, expect, it, vi } from 'vitest';

import {
  isCustomerIdShape,
  isWalletIdShape,
  newCustomerId,
  newRequestId,
  newWalletId,
  randomBase62,
} from '@/lib/ids';

// Scripted byte sequences check the rejection rule exactly; unscripted calls use the real CSPRNG.
function scriptRandomBytes(...batches: number[][]) {
  const realGetRandomValues = crypto.getRandomValues.bind(crypto);
  vi.spyOn(crypto, 'getRandomValues').mockImplementation((array) => {
    const next = batches.shift();
    if (!next || !(array instanceof Uint8Array)) return realGetRandomValues(array);
    array.fill(255);
    array.set(next.slice(0, array.length));
    return array;
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('randomBase62', () => {
  it('returns exactly the requested number of base62 characters', () => {
    for (const length of [0, 1, 18, 20, 100]) {
      expect(randomBase62(length)).toMatch(new RegExp(`^[0-9A-Za-z]{${length}}$`));
    }
  });

  it('maps bytes below 248 onto the alphabet and discards bytes 248 to 255', () => {
    scriptRandomBytes([248, 0, 255, 61, 62, 250, 247, 123]);
    // 0 → '0', 61 → 'z', 62 → '0', 247 → 247 % 62 = 61 → 'z'; 248, 255 and 250 are skipped.
    expect(randomBase62(4)).toBe('0z0z');
  });

  it('draws more bytes when too many were rejected', () => {
    scriptRandomBytes([255, 255, 255, 255, 255, 255], [10, 36]);
    expect(randomBase62(2)).toBe('Aa');
  });

  it('uses every character with roughly equal frequency', () => {
    const sample = randomBase62(124_000);
    const counts = new Map<string, number>();
    for (const char of sample) counts.set(char, (counts.get(char) ?? 0) + 1);
    expect(counts.size).toBe(62);
    // Expected 2000 each (σ ≈ 44); a modulo bias would push '0'–'7' to about 2420.
    for (const count of counts.values()) {
      expect(count).toBeGreaterThan(1760);
      expect(count).toBeLessThan(2240);
    }
  });

  it('asks for at most 65,536 random bytes at a time', () => {
    const spy = vi.spyOn(crypto, 'getRandomValues');
    expect(randomBase62(100_000)).toHaveLength(100_000);
    for (const [array] of spy.mock.calls) expect(array?.byteLength).toBeLessThanOrEqual(65_536);
  });

  it('rejects a negative or fractional length', () => {
    expect(() => randomBase62(-1)).toThrow(RangeError);
    expect(() => randomBase62(1.5)).toThrow(RangeError);
  });
});

describe('id generators', () => {
  it('prefixes individual customers with cus_ and businesses with biz_, followed by 18 base62 characters', () => {
    expect(newCustomerId('individual')).toMatch(/^cus_[0-9A-Za-z]{18}$/);
    expect(newCustomerId('business')).toMatch(/^biz_[0-9A-Za-z]{18}$/);
  });

  it('creates wallet ids as wal_ followed by 18 base62 characters', () => {
    expect(newWalletId()).toMatch(/^wal_[0-9A-Za-z]{18}$/);
  });

  it('creates request ids as req_ followed by 20 base62 characters', () => {
    expect(newRequestId()).toMatch(/^req_[0-9A-Za-z]{20}$/);
  });

  it('does not repeat ids across many draws', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => newCustomerId('individual')));
    expect(ids.size).toBe(10_000);
  });

  it('produces ids that pass their own shape checks', () => {
    expect(isCustomerIdShape(newCustomerId('individual'))).toBe(true);
    expect(isCustomerIdShape(newCustomerId('business'))).toBe(true);
    expect(isWalletIdShape(newWalletId())).toBe(true);
  });
});

describe('isCustomerIdShape', () => {
  it('accepts cus_ and biz_ followed by 1 to 64 alphanumerics', () => {
    expect(isCustomerIdShape('cus_a')).toBe(true);
    expect(isCustomerIdShape(`biz_${'Z'.repeat(64)}`)).toBe(true);
  });

  it('rejects other prefixes, empty or overlong suffixes, odd characters and non-strings', () => {
    for (const value of [
      'wal_abc',
      'cus_',
      `cus_${'a'.repeat(65)}`,
      'cus_abc-def',
      'CUS_abc',
      'cus_abc\n',
      ' cus_abc',
      "cus_1' OR 1=1",
      42,
      null,
      undefined,
    ]) {
      expect(isCustomerIdShape(value)).toBe(false);
    }
  });
});

describe('isWalletIdShape', () => {
  it('accepts wal_ followed by 1 to 64 alphanumerics and rejects anything else', () => {
    expect(isWalletIdShape('wal_x1')).toBe(true);
    expect(isWalletIdShape(`wal_${'9'.repeat(64)}`)).toBe(true);
    expect(isWalletIdShape('wal_')).toBe(false);
    expect(isWalletIdShape(`wal_${'9'.repeat(65)}`)).toBe(false);
    expect(isWalletIdShape('cus_abc')).toBe(false);
    expect(isWalletIdShape('wal_a.b')).toBe(false);
  });
});
