import type { Customer } from '@/db/schema';

type Profile = Pick<
  Customer,
  'firstName' | 'lastName' | 'legalName' | 'email' | 'phone' | 'externalId' | 'website'
>;

// Shorter values ("Li", "Bo") would match ordinary ticket numbers and words.
const MIN_TEXT = 4;
// Compared by the trailing digits, so "+44 20 7946 0958" is found in "020-7946-0958".
const PHONE_DIGITS = 8;

const digits = (value: string) => value.replace(/\D/g, '');

/**
 * True when `text` contains one of the customer's identifying values (name, email, phone,
 * external id, website). Text kept after an erasure, such as a request's external reference
 * in the receipt, must not.
 */
export function mentionsPersonalData(text: string, customer: Profile): boolean {
  const haystack = text.toLowerCase();
  const values = [
    customer.firstName,
    customer.lastName,
    customer.legalName,
    customer.email,
    customer.externalId,
    customer.website?.replace(/^https?:\/\//i, '').replace(/\/$/, ''),
  ];
  if (
    values.some(
      (value) =>
        value && value.trim().length >= MIN_TEXT && haystack.includes(value.trim().toLowerCase()),
    )
  ) {
    return true;
  }
  const phone = customer.phone ? digits(customer.phone) : '';
  return phone.length >= PHONE_DIGITS && digits(text).includes(phone.slice(-PHONE_DIGITS));
}
