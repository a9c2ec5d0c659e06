import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';

import {
  formatTokenAmount,
  parseAmountInput,
  roundUsdHalfEven,
  sumUsd,
  usdValue,
} from '@/lib/money/decimal';

describe('parseAmountInput', () => {
  it('accepts positive decimal strings and returns them in canonical form', () => {
    expect(parseAmountInput('100.00', 6)).toEqual({ ok: true, amount: '100' });
    expect(parseAmountInput('1250.50', 6)).toEqual({ ok: true, amount: '1250.5' });
    expect(parseAmountInput('0.000001', 6)).toEqual({ ok: true, amount: '0.000001' });
    expect(parseAmountInput('007.10', 6)).toEqual({ ok: true, amount: '7.1' });
    expect(parseAmountInput('42', 0)).toEqual({ ok: true, amount: '42' });
    expect(parseAmountInput('0.000000000000000001', 18)).toEqual({
      ok: true,
      amount: '0.000000000000000001',
    });
  });

  it('rejects numbers and other non-strings', () => {
    for (const input of [100, 1.5, null, undefined, true, {}, ['1']]) {
      expect(parseAmountInput(input, 6)).toMatchObject({ ok: false, code: 'not_a_string' });
    }
  });

  it('rejects the empty string', () => {
    expect(parseAmountInput('', 6)).toMatchObject({ ok: false, code: 'empty' });
  });

  it('rejects zero however it is written', () => {
    for (const input of ['0', '0.0', '000', '0.000000']) {
      expect(parseAmountInput(input, 6)).toMatchObject({ ok: false, code: 'zero' });
    }
  });

  it('rejects signs, exponents, separators, whitespace and other notations', () => {
    for (const input of [
      '-1',
      '+1',
      '1e3',
      '1E-2',
      '1,000',
      '1 000',
      ' 1',
      '1 ',
      '.5',
      '5.',
      '0x10',
      'Infinity',
      'NaN',
      '１２',
      '1.2.3',
    ]) {
      expect(parseAmountInput(input, 6)).toMatchObject({ ok: false, code: 'malformed' });
    }
  });

  it('rejects more fractional digits than the currency has, even trailing zeros', () => {
    expect(parseAmountInput('1.1234567', 6)).toMatchObject({
      ok: false,
      code: 'too_many_decimals',
    });
    expect(parseAmountInput('1.0000000', 6)).toMatchObject({
      ok: false,
      code: 'too_many_decimals',
    });
    expect(parseAmountInput('1.5', 0)).toMatchObject({ ok: false, code: 'too_many_decimals' });
  });

  it('accepts up to 30 integer digits and rejects 31', () => {
    expect(parseAmountInput('9'.repeat(30), 6)).toEqual({ ok: true, amount: '9'.repeat(30) });
    expect(parseAmountInput(`000${'9'.repeat(30)}`, 6)).toEqual({
      ok: true,
      amount: '9'.repeat(30),
    });
    expect(parseAmountInput('1'.repeat(31), 6)).toMatchObject({ ok: false, code: 'too_large' });
  });

  it('explains each rejection in a human message', () => {
    const result = parseAmountInput('1.1234567', 6);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toBe('Must have at most 6 decimal places');
  });
});

describe('formatTokenAmount', () => {
  it('pads to exactly the currency decimals', () => {
    expect(formatTokenAmount('1250.5', 6)).toBe('1250.500000');
    expect(formatTokenAmount('0', 6)).toBe('0.000000');
    expect(formatTokenAmount('3', 18)).toBe('3.000000000000000000');
    expect(formatTokenAmount('0.000000001', 9)).toBe('0.000000001');
  });

  it('drops surplus trailing zeros from a stored numeric', () => {
    expect(formatTokenAmount('1250.500000000000', 6)).toBe('1250.500000');
  });

  it('keeps the sign of a negative ledger entry', () => {
    expect(formatTokenAmount('-100.25', 6)).toBe('-100.250000');
  });

  it('refuses to round away digits the currency cannot hold', () => {
    expect(() => formatTokenAmount('1.0000001', 6)).toThrow(RangeError);
  });

  it('refuses strings that are not plain decimals', () => {
    for (const input of ['1e3', 'NaN', 'Infinity', '0x10', '', ' 1']) {
      expect(() => formatTokenAmount(input, 6)).toThrow(RangeError);
    }
  });

  it('accepts Decimal values', () => {
    expect(formatTokenAmount(new Decimal('2.5'), 6)).toBe('2.500000');
  });
});

describe('roundUsdHalfEven', () => {
  it('rounds halves to the even cent', () => {
    expect(roundUsdHalfEven('0.005')).toBe('0.00');
    expect(roundUsdHalfEven('0.015')).toBe('0.02');
    expect(roundUsdHalfEven('0.025')).toBe('0.02');
    expect(roundUsdHalfEven('0.035')).toBe('0.04');
    expect(roundUsdHalfEven('2.675')).toBe('2.68');
  });

  it('rounds non-halves to the nearest cent', () => {
    expect(roundUsdHalfEven('0.0051')).toBe('0.01');
    expect(roundUsdHalfEven('0.0049999999')).toBe('0.00');
    expect(roundUsdHalfEven('1250.5')).toBe('1250.50');
  });

  it('always prints exactly two decimals and never a negative zero', () => {
    expect(roundUsdHalfEven('7')).toBe('7.00');
    expect(roundUsdHalfEven('-0.004')).toBe('0.00');
    expect(roundUsdHalfEven('123456789012345678901234567890.125')).toBe(
      '123456789012345678901234567890.12',
    );
  });
});

describe('usdValue', () => {
  it('multiplies exactly, without binary floating point error', () => {
    expect(usdValue('0.1', '0.2').toFixed()).toBe('0.02');
    expect(usdValue('1250.500000', '1').toFixed()).toBe('1250.5');
    expect(usdValue('0.000000000000000001', '3456.78').toFixed()).toBe('0.00000000000000345678');
  });

  it('keeps full precision for the largest accepted amounts', () => {
    const amount = `${'9'.repeat(30)}.${'9'.repeat(18)}`;
    expect(usdValue(amount, '2').toFixed()).toBe(`1${'9'.repeat(30)}.${'9'.repeat(17)}8`);
    // Cross-check against integer arithmetic: amount × 10^18 times price × 10^12, scaled by 10^30.
    const scaled = (10n ** 48n - 1n) * 12345678901234567n;
    const expected = `${scaled / 10n ** 30n}.${(scaled % 10n ** 30n).toString().padStart(30, '0')}`;
    expect(usdValue(amount, '12345.678901234567').toFixed(30)).toBe(expected);
  });
});

describe('sumUsd', () => {
  it('rounds the exact sum once instead of summing rounded parts', () => {
    // Each part rounds to 0.00, but together they are worth a cent.
    expect(sumUsd(['0.004', '0.004', '0.004'])).toBe('0.01');
    expect(
      sumUsd([usdValue('0.333333', '1'), usdValue('0.333333', '1'), usdValue('0.333334', '1')]),
    ).toBe('1.00');
  });

  it('rounds a half-cent total half-even', () => {
    expect(sumUsd(['0.002', '0.003'])).toBe('0.00');
    expect(sumUsd(['0.02', '0.005'])).toBe('0.02');
    expect(sumUsd(['0.01', '0.005'])).toBe('0.02');
  });

  it('returns 0.00 for no values', () => {
    expect(sumUsd([])).toBe('0.00');
  });

  it('adds token values priced in USD', () => {
    const usdc = usdValue('1250.500000', '1.00');
    const eth = usdValue('0.5', '3000.255');
    expect(sumUsd([usdc, eth])).toBe('2750.63');
  });
});
