import Decimal from 'decimal.js';

/**
 * A private Decimal constructor, so these settings cannot leak into other users of decimal.js.
 * 100 significant digits hold the largest accepted amount (30 integer + 18 fractional digits)
 * times any realistic price exactly; digits are only paid for when used.
 */
export const ExactDecimal = Decimal.clone({
  precision: 100,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -100,
  toExpPos: 100,
});
export type ExactDecimal = Decimal;

/** Decimal strings only: a JS number has already lost precision by the time it gets here. */
export type DecimalInput = string | Decimal;

export const MAX_AMOUNT_INTEGER_DIGITS = 30;

const POSITIVE_DECIMAL = /^(\d+)(?:\.(\d+))?$/;
const SIGNED_DECIMAL = /^-?\d+(?:\.\d+)?$/;

export type AmountInputErrorCode =
  'not_a_string' | 'empty' | 'malformed' | 'zero' | 'too_many_decimals' | 'too_large';

export type AmountInputResult =
  { ok: true; amount: string } | { ok: false; code: AmountInputErrorCode; message: string };

function amountError(code: AmountInputErrorCode, message: string): AmountInputResult {
  return { ok: false, code, message };
}

/**
 * Validates an amount typed by a client. Returns the canonical form (no leading zeros, no
 * trailing fractional zeros) so equal amounts compare equal as strings.
 */
export function parseAmountInput(input: unknown, decimals: number): AmountInputResult {
  if (typeof input !== 'string') {
    return amountError('not_a_string', 'Must be a decimal string, e.g. "100.50"');
  }
  if (input === '') return amountError('empty', 'Must not be empty');
  const match = POSITIVE_DECIMAL.exec(input);
  if (!match) {
    return amountError(
      'malformed',
      'Must be a positive decimal number written with digits and an optional decimal point, e.g. "100.50"',
    );
  }
  const integerPart = (match[1] ?? '').replace(/^0+(?=\d)/, '');
  const fractionPart = match[2] ?? '';
  if (fractionPart.length > decimals) {
    return amountError('too_many_decimals', `Must have at most ${decimals} decimal places`);
  }
  if (integerPart.length > MAX_AMOUNT_INTEGER_DIGITS) {
    return amountError(
      'too_large',
      `Must have at most ${MAX_AMOUNT_INTEGER_DIGITS} integer digits`,
    );
  }
  const trimmedFraction = fractionPart.replace(/0+$/, '');
  if (integerPart === '0' && trimmedFraction === '') {
    return amountError('zero', 'Must be greater than zero');
  }
  return { ok: true, amount: trimmedFraction ? `${integerPart}.${trimmedFraction}` : integerPart };
}

function toExact(value: DecimalInput): Decimal {
  if (typeof value === 'string' && !SIGNED_DECIMAL.test(value)) {
    throw new RangeError(`Not a decimal string: ${JSON.stringify(value)}`);
  }
  const exact = new ExactDecimal(value);
  if (!exact.isFinite()) throw new RangeError('Amount must be finite');
  return exact;
}

/**
 * Renders a stored amount with exactly `decimals` fractional digits ("1250.5" → "1250.500000").
 * Throws rather than round: a stored amount finer than its currency allows is corrupt data.
 */
export function formatTokenAmount(amount: DecimalInput, decimals: number): string {
  const exact = toExact(amount);
  if (!exact.toDecimalPlaces(decimals).equals(exact)) {
    throw new RangeError(`Amount ${exact.toFixed()} has more than ${decimals} decimal places`);
  }
  return exact.toFixed(decimals);
}

/** The exact, unrounded USD value; round only the figure you display or the final total. */
export function usdValue(amount: DecimalInput, price: DecimalInput): Decimal {
  return toExact(amount).times(toExact(price));
}

/** Banker's rounding to cents, so rounding errors do not drift one way over many totals. */
export function roundUsdHalfEven(value: DecimalInput): string {
  // Rounding before toFixed turns -0.004 into "0.00"; toFixed alone would print "-0.00".
  return toExact(value).toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN).toFixed(2);
}

/** Sums exactly and rounds once at the end, so the total is not a sum of rounded parts. */
export function sumUsd(values: readonly DecimalInput[]): string {
  const total = values.reduce<Decimal>(
    (sum, value) => sum.plus(toExact(value)),
    new ExactDecimal(0),
  );
  return roundUsdHalfEven(total);
}
