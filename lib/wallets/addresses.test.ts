import { describe, expect, it } from 'vitest';

import { NETWORKS } from '@/lib/money/currencies';
import {
  base58Decode,
  base58Encode,
  generateAddress,
  isValidAddress,
} from '@/lib/wallets/addresses';

const hex = (text: string) => Uint8Array.from(Buffer.from(text, 'hex'));

// Published base58 vectors (Bitcoin Core's base58_encode_decode.json).
const BASE58_VECTORS: [string, string][] = [
  ['', ''],
  ['61', '2g'],
  ['626262', 'a3gV'],
  ['636363', 'aPEr'],
  ['73696d706c792061206c6f6e6720737472696e67', '2cFupjhnEsSn59qHXstmK2ffpLv2'],
  ['00eb15231dfceb60925886b67d065299925915aeb172c06647', '1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L'],
  ['516b6fcd0f', 'ABnLTmg'],
  ['bf4f89001e670274dd', '3SEo3LWLoPntC'],
  ['572e4794', '3EFU7m'],
  ['ecac89cad93923c02321', 'EJDM8drfXA6uyA'],
  ['10c8511e', 'Rt5zm'],
  ['00000000000000000000', '1111111111'],
];

describe('base58', () => {
  it('encodes the published test vectors', () => {
    for (const [bytes, text] of BASE58_VECTORS) expect(base58Encode(hex(bytes))).toBe(text);
  });

  it('decodes the published test vectors', () => {
    for (const [bytes, text] of BASE58_VECTORS) expect(base58Decode(text)).toEqual(hex(bytes));
  });

  it('round-trips random bytes, leading zeros included', () => {
    for (let i = 0; i < 200; i++) {
      const bytes = Uint8Array.from([
        ...new Array<number>(i % 4).fill(0),
        ...crypto.getRandomValues(new Uint8Array(i % 40)),
      ]);
      expect(base58Decode(base58Encode(bytes))).toEqual(bytes);
    }
  });

  it('refuses characters outside the alphabet', () => {
    for (const text of ['0', 'O', 'I', 'l', 'abc+', ' 2g', '2g\n'])
      expect(base58Decode(text)).toBeNull();
  });
});

describe('generateAddress', () => {
  it('produces 1000 valid addresses on every network', () => {
    for (const network of NETWORKS) {
      for (let i = 0; i < 1000; i++) {
        const address = generateAddress(network);
        expect(isValidAddress(network, address), `${network} ${address}`).toBe(true);
      }
    }
  });

  it('produces 0x plus 40 lower-case hex characters on EVM networks', () => {
    for (const network of ['ethereum', 'base', 'polygon', 'arbitrum', 'optimism'] as const) {
      expect(generateAddress(network)).toMatch(/^0x[0-9a-f]{40}$/);
    }
  });

  it('produces 32 to 44 base58 characters on Solana', () => {
    for (let i = 0; i < 200; i++) {
      expect(generateAddress('solana')).toMatch(/^[1-9A-HJ-NP-Za-km-z]{32,44}$/);
    }
  });

  it('produces T plus 33 base58 characters on Tron', () => {
    for (let i = 0; i < 200; i++) {
      expect(generateAddress('tron')).toMatch(/^T[1-9A-HJ-NP-Za-km-z]{33}$/);
    }
  });

  it('does not repeat an address', () => {
    const addresses = new Set(Array.from({ length: 2000 }, () => generateAddress('tron')));
    expect(addresses.size).toBe(2000);
  });
});

describe('isValidAddress on Tron', () => {
  it('accepts known mainnet addresses', () => {
    expect(isValidAddress('tron', 'TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7')).toBe(true);
    expect(isValidAddress('tron', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t')).toBe(true);
  });

  it('rejects an address with one character changed, because the checksum no longer matches', () => {
    const valid = 'TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7';
    for (let position = 1; position < valid.length; position++) {
      const replacement = valid[position] === 'x' ? 'y' : 'x';
      const flipped = valid.slice(0, position) + replacement + valid.slice(position + 1);
      expect(isValidAddress('tron', flipped), flipped).toBe(false);
    }
  });

  it('rejects a valid base58check payload with another version byte', () => {
    // A Bitcoin P2PKH address: correct checksum, version 0x00, and 34 characters long.
    expect(isValidAddress('tron', '1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L')).toBe(false);
  });

  it('rejects wrong lengths, foreign characters and EVM addresses', () => {
    expect(isValidAddress('tron', 'TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU')).toBe(false);
    expect(isValidAddress('tron', 'TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU77')).toBe(false);
    expect(isValidAddress('tron', 'TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU0')).toBe(false);
    expect(isValidAddress('tron', `0x${'a'.repeat(40)}`)).toBe(false);
    expect(isValidAddress('tron', '')).toBe(false);
  });
});

describe('isValidAddress on Solana', () => {
  it('accepts known program and mint addresses', () => {
    expect(isValidAddress('solana', '11111111111111111111111111111111')).toBe(true);
    expect(isValidAddress('solana', 'So11111111111111111111111111111111111111112')).toBe(true);
    expect(isValidAddress('solana', 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v')).toBe(true);
  });

  it('rejects base58 text that does not decode to exactly 32 bytes', () => {
    expect(isValidAddress('solana', '1'.repeat(31))).toBe(false);
    expect(isValidAddress('solana', '1'.repeat(33))).toBe(false);
    expect(isValidAddress('solana', 'z'.repeat(44))).toBe(false);
    expect(isValidAddress('solana', 'TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7')).toBe(false);
  });

  it('rejects characters outside the base58 alphabet', () => {
    expect(isValidAddress('solana', 'So1111111111111111111111111111111111111111O')).toBe(false);
  });
});

describe('isValidAddress on EVM networks', () => {
  it('accepts 0x plus 40 lower-case hex characters', () => {
    expect(isValidAddress('polygon', '0x3c499c542cef5e3811e1192ce70d8cc03d5c3359')).toBe(true);
  });

  it('rejects upper case, wrong lengths, a missing prefix and non-hex characters', () => {
    expect(isValidAddress('ethereum', '0x3C499c542cEF5E3811e1192ce70d8cC03d5c3359')).toBe(false);
    expect(isValidAddress('ethereum', '0x3c499c542cef5e3811e1192ce70d8cc03d5c335')).toBe(false);
    expect(isValidAddress('ethereum', '0x3c499c542cef5e3811e1192ce70d8cc03d5c33590')).toBe(false);
    expect(isValidAddress('ethereum', '3c499c542cef5e3811e1192ce70d8cc03d5c3359aa')).toBe(false);
    expect(isValidAddress('ethereum', '0x3c499c542cef5e3811e1192ce70d8cc03d5c335g')).toBe(false);
  });

  it('does not accept a Tron or Solana address', () => {
    expect(isValidAddress('base', 'TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7')).toBe(false);
    expect(isValidAddress('base', '11111111111111111111111111111111')).toBe(false);
  });
});
