// Web Crypto's getRandomValues is the same CSPRNG as node:crypto's randomBytes, and keeps this
// module importable from client components (id shape checks run in the browser too).
const BASE62_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
// 248 = 4 × 62: bytes at or above it are discarded so every character is equally likely.
const UNBIASED_BYTE_LIMIT = 248;
// getRandomValues refuses to fill more than 65,536 bytes at once.
const MAX_RANDOM_BATCH = 65_536;

const RANDOM_ID_LENGTH = 18;
const REQUEST_ID_LENGTH = 20;

export function randomBase62(length: number): string {
  if (!Number.isSafeInteger(length) || length < 0) {
    throw new RangeError(`length must be a non-negative integer, got ${length}`);
  }
  let out = '';
  while (out.length < length) {
    // Ask for a little more than needed so one call usually suffices despite rejections.
    const batch = Math.min(Math.ceil((length - out.length) * 1.1) + 4, MAX_RANDOM_BATCH);
    const bytes = crypto.getRandomValues(new Uint8Array(batch));
    for (const byte of bytes) {
      if (byte >= UNBIASED_BYTE_LIMIT) continue;
      out += BASE62_ALPHABET.charAt(byte % 62);
      if (out.length === length) break;
    }
  }
  return out;
}

export function newCustomerId(type: 'individual' | 'business'): string {
  return `${type === 'business' ? 'biz' : 'cus'}_${randomBase62(RANDOM_ID_LENGTH)}`;
}

export function newWalletId(): string {
  return `wal_${randomBase62(RANDOM_ID_LENGTH)}`;
}

export function newRequestId(): string {
  return `req_${randomBase62(REQUEST_ID_LENGTH)}`;
}

const CUSTOMER_ID_SHAPE = /^(cus|biz)_[A-Za-z0-9]{1,64}$/;
const WALLET_ID_SHAPE = /^wal_[A-Za-z0-9]{1,64}$/;

/** Shape only: lets a route answer 404 for garbage ids without asking the database. */
export function isCustomerIdShape(value: unknown): value is string {
  return typeof value === 'string' && CUSTOMER_ID_SHAPE.test(value);
}

export function isWalletIdShape(value: unknown): value is string {
  return typeof value === 'string' && WALLET_ID_SHAPE.test(value);
}
