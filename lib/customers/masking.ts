/**
 * What a viewer sees of a customer's contact details. The masks have a fixed length, so they
 * show neither the length of the hidden part nor anything beyond a recognisable hint: the
 * first letter and the domain of an email, the leading digit and the last four of a phone.
 * Pure and safe in the browser; the decision who sees the mask is made in the domain.
 */
const HIDDEN = '•';

export function maskEmail(email: string): string;
export function maskEmail(email: string | null): string | null;
export function maskEmail(email: string | null): string | null {
  if (email === null) return null;
  const at = email.lastIndexOf('@');
  const first = Array.from(email)[0] ?? '';
  if (at <= 0) return `${first}${HIDDEN.repeat(3)}`;
  return `${first}${HIDDEN.repeat(3)}${email.slice(at)}`;
}

export function maskPhone(phone: string): string;
export function maskPhone(phone: string | null): string | null;
export function maskPhone(phone: string | null): string | null {
  if (phone === null) return null;
  const digits = phone.replace(/\D/g, '');
  const plus = phone.trimStart().startsWith('+') ? '+' : '';
  // Too short to keep five digits and still hide something: hide it all.
  if (digits.length < 8) return `${plus}${HIDDEN.repeat(7)}`;
  return `${plus}${digits.slice(0, 1)}${HIDDEN.repeat(7)}${digits.slice(-4)}`;
}
