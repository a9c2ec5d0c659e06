import { describe, expect, it } from 'vitest';
import { maskEmail, maskPhone } from './masking';

describe('maskEmail', () => {
  it('keeps the first letter and the domain and hides the rest behind three dots', () => {
    expect(maskEmail('jane.doe@example.com')).toBe('j•••@example.com');
    expect(maskEmail('j@example.com')).toBe('j•••@example.com');
  });

  it('hides the length of the local part', () => {
    expect(maskEmail('ab@x.io')).toBe(maskEmail('abcdefghijk@x.io'));
  });

  it('masks a value without an at sign without revealing it', () => {
    expect(maskEmail('not-an-email')).toBe('n•••');
    expect(maskEmail('@example.com')).toBe('@•••');
    expect(maskEmail('')).toBe('•••');
  });

  it('keeps a multi-byte first character whole', () => {
    expect(maskEmail('😀smile@example.com')).toBe('😀•••@example.com');
  });

  it('passes null through', () => {
    expect(maskEmail(null)).toBeNull();
  });
});

describe('maskPhone', () => {
  it('keeps the plus, the leading digit and the last four digits', () => {
    expect(maskPhone('+14155550100')).toBe('+1•••••••0100');
    expect(maskPhone('+442071838750')).toBe('+4•••••••8750');
  });

  it('reads through formatting characters', () => {
    expect(maskPhone('+1 (415) 555-0100')).toBe('+1•••••••0100');
  });

  it('hides the number of digits', () => {
    expect(maskPhone('+12345678')).toHaveLength(maskPhone('+123456789012345').length);
  });

  it('hides a number too short to keep any digits', () => {
    expect(maskPhone('+1234')).toBe('+•••••••');
    expect(maskPhone('12')).toBe('•••••••');
  });

  it('passes null through', () => {
    expect(maskPhone(null)).toBeNull();
  });
});
