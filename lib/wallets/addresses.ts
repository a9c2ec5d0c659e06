import { createHash, randomBytes } from 'node:crypto';

import type { Network } from '@/lib/money/currencies';

const BASE58_ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const BASE58_INDEX = new Map([...BASE58_ALPHABET].map((char, index) => [char, BigInt(index)]));

/** Bitcoin-alphabet base58; each leading zero byte becomes a leading '1'. */
export function base58Encode(bytes: Uint8Array): string {
  let leadingZeros = 0;
  while (leadingZeros < bytes.length && bytes[leadingZeros] === 0) leadingZeros++;
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  let digits = '';
  while (value > 0n) {
    digits = BASE58_ALPHABET.charAt(Number(value % 58n)) + digits;
    value /= 58n;
  }
  return '1'.repeat(leadingZeros) + digits;
}

/**
 * Returns null for any character outside the alphabet (0, O, I, l included). Quadratic in the
 * length, so callers check the length of untrusted input first, as isValidAddress does.
 */
export function base58Decode(text: string): Uint8Array | null {
  let leadingOnes = 0;
  while (leadingOnes < text.length && text[leadingOnes] === '1') leadingOnes++;
  let value = 0n;
  for (const char of text) {
    const digit = BASE58_INDEX.get(char);
    if (digit === undefined) return null;
    value = value * 58n + digit;
  }
  const body: number[] = [];
  while (value > 0n) {
    body.unshift(Number(value & 0xffn));
    value >>= 8n;
  }
  return Uint8Array.from([...new Array<number>(leadingOnes).fill(0), ...body]);
}

const EVM_ADDRESS = /^0x[0-9a-f]{40}$/;
const SOLANA_PUBLIC_KEY_BYTES = 32;
const TRON_VERSION_BYTE = 0x41;
const TRON_ADDRESS_LENGTH = 34;

function sha256(data: Uint8Array): Buffer {
  return createHash('sha256').update(data).digest();
}

function tronChecksum(payload: Uint8Array): Buffer {
  return sha256(sha256(payload)).subarray(0, 4);
}

function generateTronAddress(): string {
  const payload = Buffer.concat([Buffer.from([TRON_VERSION_BYTE]), randomBytes(20)]);
  return base58Encode(Buffer.concat([payload, tronChecksum(payload)]));
}

function isValidTronAddress(address: string): boolean {
  if (address.length !== TRON_ADDRESS_LENGTH) return false;
  const bytes = base58Decode(address);
  if (bytes?.length !== 25 || bytes[0] !== TRON_VERSION_BYTE) return false;
  return tronChecksum(bytes.subarray(0, 21)).equals(bytes.subarray(21));
}

function isValidSolanaAddress(address: string): boolean {
  if (address.length < 32 || address.length > 44) return false;
  return base58Decode(address)?.length === SOLANA_PUBLIC_KEY_BYTES;
}

/**
 * A random, well-formed address. Sandbox wallets have no key pair behind them, so this only
 * has to pass the format checks of each chain, never receive real funds.
 */
export function generateAddress(network: Network): string {
  switch (network) {
    case 'ethereum':
    case 'base':
    case 'polygon':
    case 'arbitrum':
    case 'optimism':
      return `0x${randomBytes(20).toString('hex')}`;
    case 'solana':
      return base58Encode(randomBytes(SOLANA_PUBLIC_KEY_BYTES));
    case 'tron':
      return generateTronAddress();
    default:
      throw new RangeError(`Unknown network: ${String(network satisfies never)}`);
  }
}

/** EVM addresses must be lower case: that is the form we issue, and it needs no EIP-55 check. */
export function isValidAddress(network: Network, address: string): boolean {
  switch (network) {
    case 'ethereum':
    case 'base':
    case 'polygon':
    case 'arbitrum':
    case 'optimism':
      return EVM_ADDRESS.test(address);
    case 'solana':
      return isValidSolanaAddress(address);
    case 'tron':
      return isValidTronAddress(address);
    default:
      return false;
  }
}
