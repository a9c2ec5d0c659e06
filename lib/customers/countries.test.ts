import { describe, expect, it } from 'vitest';

import { COUNTRY_CODES, ISO_COUNTRY_CODES, isCountryCode } from '@/lib/customers/countries';

describe('ISO 3166-1 alpha-2 country codes', () => {
  it('holds the 249 officially assigned codes, each once, in alphabetical order', () => {
    expect(ISO_COUNTRY_CODES).toHaveLength(249);
    expect(COUNTRY_CODES.size).toBe(249);
    expect([...ISO_COUNTRY_CODES].sort()).toEqual([...ISO_COUNTRY_CODES]);
  });

  it('gives every code a region name in the ICU data', () => {
    const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
    for (const code of ISO_COUNTRY_CODES) expect(regionNames.of(code), code).not.toBe(code);
  });

  it('recognises assigned codes in upper case only', () => {
    for (const code of ['US', 'GB', 'DE', 'FR', 'JP', 'BR', 'AX', 'SS', 'SX', 'BQ'])
      expect(isCountryCode(code)).toBe(true);
    for (const code of ['us', 'Gb', '', 'USA', 42, null]) expect(isCountryCode(code)).toBe(false);
  });

  it('leaves out reserved, withdrawn and user-assigned codes', () => {
    for (const code of [
      'UK',
      'EU',
      'UN',
      'XK',
      'ZZ',
      'AN',
      'YU',
      'CS',
      'SU',
      'AC',
      'TA',
      'IC',
      'EA',
      'FX',
    ]) {
      expect(isCountryCode(code), code).toBe(false);
    }
  });
});
