import 'server-only';
import { hash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { PGlite, Transaction as PGliteTransaction } from '@electric-sql/pglite';
import {
  base,
  de,
  de_AT,
  de_CH,
  en,
  en_AU,
  en_CA,
  en_GB,
  en_IN,
  en_NG,
  en_US,
  en_ZA,
  es,
  es_MX,
  Faker,
  fr,
  it,
  nl,
  pl,
  pt_BR,
  pt_PT,
  sv,
  type LocaleDefinition,
} from '@faker-js/faker';
import { inArray, sql } from 'drizzle-orm';
import type { Pool, PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import {
  CURRENCIES,
  currenciesOn,
  NETWORKS,
  type CurrencyCode,
  type Network,
} from '@/lib/money/currencies';
import { insertStaffMember } from '@/lib/staff/store';
import { databaseHandle, db } from './client';
import { DEMO_PASSWORD, DEMO_STAFF } from './demo-staff';
import {
  prices,
  staffUsers,
  type Customer,
  type CustomerMetadata,
  type LedgerEntry,
  type ResidentialAddress,
  type Wallet,
  type WalletBalance,
} from './schema';

/**
 * Demo data for development, demos and benchmarks, in two halves:
 *
 * - `generateDemoRows` is a pure function of (seed, total, index range): customer `i` and its
 *   wallets, balances and ledger entries come from a random stream seeded by (seed, i) alone,
 *   so any slice can be generated on its own and the same seed always gives the same rows.
 * - `seedDemoData` writes them: COPY on PostgreSQL, `INSERT … SELECT FROM unnest(…)` on PGlite
 *   (which has no COPY FROM STDIN), in one transaction either way.
 */

export const DEMO_SEED = 2026;
/** Every generated time lies in the two years before this instant, never relative to `Date.now()`. */
export const DEMO_ANCHOR = new Date('2026-11-01T00:00:00.000Z');
/** Ids, phone numbers and distinct creation times are unique by construction up to here. */
export const MAX_DEMO_CUSTOMERS = 20_000_000;

export const DEMO_PRICES: Readonly<Record<CurrencyCode, string>> = {
  USDC: '1.00',
  USDT: '1.00',
  EURC: '1.0842',
  ETH: '3200.50',
  SOL: '145.20',
  TRX: '0.2437',
};

export type DemoCustomerRow = Pick<
  Customer,
  | 'id'
  | 'type'
  | 'status'
  | 'externalId'
  | 'firstName'
  | 'middleName'
  | 'lastName'
  | 'legalName'
  | 'website'
  | 'email'
  | 'phone'
  | 'birthDate'
  | 'country'
  | 'residentialAddress'
  | 'metadata'
  | 'kycProvider'
  | 'kycShareTokenReceivedAt'
  | 'hasFunds'
  | 'createdAt'
  | 'updatedAt'
>;
export type DemoWalletRow = Wallet;
export type DemoBalanceRow = Pick<WalletBalance, 'walletId' | 'currency' | 'amount' | 'updatedAt'>;
export type DemoLedgerEntryRow = Pick<
  LedgerEntry,
  'walletId' | 'currency' | 'kind' | 'amount' | 'createdAt'
>;

export type DemoRows = {
  customers: DemoCustomerRow[];
  wallets: DemoWalletRow[];
  balances: DemoBalanceRow[];
  ledgerEntries: DemoLedgerEntryRow[];
};

export type DemoRowSink = {
  customer: (row: DemoCustomerRow) => void;
  wallet: (row: DemoWalletRow) => void;
  balance: (row: DemoBalanceRow) => void;
  ledgerEntry: (row: DemoLedgerEntryRow) => void;
};

export type DemoRowRange = { seed: number; total: number; from: number; to: number };

// ---------------------------------------------------------------------------------------------
// Seeded randomness
// ---------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const ANCHOR_MS = DEMO_ANCHOR.getTime();
const HISTORY_MS = 730 * DAY_MS;

/** murmur3's finaliser: a bijection on 32-bit integers that scatters neighbouring inputs. */
function mix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** sfc32: small, fast and good enough for fake data; 128 bits of state per customer. */
class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream: number) {
    this.a = mix32(seed ^ 0x9e3779b9);
    this.b = mix32(stream ^ 0x6a09e667);
    this.c = mix32((this.a + Math.imul(stream, 0x2545f491)) >>> 0);
    this.d = 1;
    for (let round = 0; round < 12; round++) this.uint32();
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** In [0, 1), from 32 random bits. */
  float(): number {
    return this.uint32() / 4_294_967_296;
  }

  /** In [0, 1), from 53 random bits. */
  float53(): number {
    return ((this.uint32() >>> 5) * 67_108_864 + (this.uint32() >>> 6)) / 9_007_199_254_740_992;
  }

  /** In [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  pickWeighted<T>(table: WeightedTable<T>): T {
    const target = this.float() * table.total;
    for (let k = 0; k < table.items.length; k++) {
      if (target < table.cumulative[k]!) return table.items[k]!;
    }
    return table.items[table.items.length - 1]!;
  }

  /** Distinct items, each drawn with its weight among those not drawn yet. */
  sampleWeighted<T>(entries: readonly (readonly [T, number])[], count: number): T[] {
    const left = [...entries];
    const chosen: T[] = [];
    while (chosen.length < count && left.length > 0) {
      const total = left.reduce((sum, [, weight]) => sum + weight, 0);
      let target = this.float() * total;
      let k = 0;
      while (k < left.length - 1 && target >= left[k]![1]) target -= left[k++]![1];
      chosen.push(left[k]![0]);
      left.splice(k, 1);
    }
    return chosen;
  }
}

type WeightedTable<T> = { items: T[]; cumulative: number[]; total: number };

function weighted<T>(entries: readonly (readonly [T, number])[]): WeightedTable<T> {
  let total = 0;
  const cumulative = entries.map(([, weight]) => (total += weight));
  return { items: entries.map(([item]) => item), cumulative, total };
}

// ---------------------------------------------------------------------------------------------
// Unique-by-construction identifiers
// ---------------------------------------------------------------------------------------------

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE62_GROUP = 62 ** 6;
const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const HEX_BYTES = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** Keyed bijection on 32-bit integers: distinct row indexes give distinct outputs, in random order. */
function permute(index: number, key: number): number {
  return mix32((index ^ key) >>> 0);
}

/** Six base62 digits of a number below 62^6. */
function base62Group(value: number): string {
  let digits = '';
  for (let k = 0; k < 6; k++) {
    const quotient = Math.floor(value / 62);
    digits = BASE62[value - quotient * 62]! + digits;
    value = quotient;
  }
  return digits;
}

/**
 * 18 base62 characters. The first six encode the permuted row index (times 13 plus noise, which
 * still fits below 62^6), so two rows can never share an id; the other twelve are random.
 */
function idBody(unique: number, r: SeededRandom): string {
  return (
    base62Group(unique * 13 + r.int(13)) +
    base62Group(Math.floor(r.float53() * BASE62_GROUP)) +
    base62Group(Math.floor(r.float53() * BASE62_GROUP))
  );
}

function hex8(value: number): string {
  return (
    HEX_BYTES[value >>> 24]! +
    HEX_BYTES[(value >>> 16) & 0xff]! +
    HEX_BYTES[(value >>> 8) & 0xff]! +
    HEX_BYTES[value & 0xff]!
  );
}

const BASE58_CUBE = 58 ** 3;
const base58Limbs = new Float64Array(32);
const base58Digits = new Uint8Array(64);

/**
 * Bitcoin-alphabet base58 (the same text as `base58Encode` in lib/wallets, whose BigInt version
 * is too slow for millions of wallets): the bytes as 16-bit limbs, divided by 58³ repeatedly.
 */
function base58(bytes: Uint8Array): string {
  let zeros = 0;
  while (zeros < bytes.length && bytes[zeros] === 0) zeros++;
  let limbCount = 0;
  if (bytes.length % 2) base58Limbs[limbCount++] = bytes[0]!;
  for (let i = bytes.length % 2; i < bytes.length; i += 2) {
    base58Limbs[limbCount++] = bytes[i]! * 256 + bytes[i + 1]!;
  }
  let digitCount = 0;
  for (let first = 0; first < limbCount;) {
    let remainder = 0;
    for (let k = first; k < limbCount; k++) {
      const current = remainder * 65_536 + base58Limbs[k]!;
      const quotient = Math.floor(current / BASE58_CUBE);
      base58Limbs[k] = quotient;
      remainder = current - quotient * BASE58_CUBE;
    }
    while (first < limbCount && base58Limbs[first] === 0) first++;
    for (let digit = 0; digit < 3; digit++) {
      const quotient = Math.floor(remainder / 58);
      base58Digits[digitCount++] = remainder - quotient * 58;
      remainder = quotient;
    }
  }
  while (digitCount > 0 && base58Digits[digitCount - 1] === 0) digitCount--;
  let text = '1'.repeat(zeros);
  for (let k = digitCount - 1; k >= 0; k--) text += BASE58[base58Digits[k]!];
  return text;
}

const addressBytes = new DataView(new ArrayBuffer(32));

function randomBytes(view: DataView, from: number, to: number, r: SeededRandom): Uint8Array {
  for (let offset = from; offset < to; offset += 4) view.setUint32(offset, r.uint32());
  return new Uint8Array(view.buffer, 0, to);
}

/** Well-formed for its network (same rules as `isValidAddress`); the permuted index keeps it unique. */
function walletAddress(network: Network, unique: number, r: SeededRandom): string {
  const view = addressBytes;
  if (network === 'solana') {
    view.setUint32(0, unique);
    return base58(randomBytes(view, 4, 32, r));
  }
  if (network === 'tron') {
    view.setUint8(0, 0x41);
    view.setUint32(1, unique);
    const payload = randomBytes(view, 5, 21, r).slice(0, 21);
    const checksum = hash('sha256', hash('sha256', payload, 'buffer'), 'buffer').subarray(0, 4);
    const full = new Uint8Array(25);
    full.set(payload);
    full.set(checksum, 21);
    return base58(full);
  }
  return `0x${hex8(unique)}${hex8(r.uint32())}${hex8(r.uint32())}${hex8(r.uint32())}${hex8(r.uint32())}`;
}

// ---------------------------------------------------------------------------------------------
// Countries and the name, company and address pools drawn from faker once per seed
// ---------------------------------------------------------------------------------------------

type CountryProfile = {
  code: string;
  weight: number;
  locale: LocaleDefinition;
  /** E.164: prefix, one digit from `leading`, then `digits` digits that are unique per customer. */
  phone: { prefix: string; leading: string; digits: 8 | 9 };
  legalForms: readonly string[];
  tld: string;
};

function country(
  code: string,
  weight: number,
  locale: LocaleDefinition,
  [prefix, leading, digits]: [string, string, 8 | 9],
  tld: string,
  legalForms: string[],
): CountryProfile {
  return { code, weight, locale, phone: { prefix, leading, digits }, legalForms, tld };
}

// Calling codes are prefix-free, and within a country the tail is a bijection of the customer
// index, so no two customers can share a phone number.
// Code, weight, faker locale, phone (prefix, leading digits, unique digits), web TLD, legal forms.
const COUNTRIES: readonly CountryProfile[] = [
  country('US', 30, en_US, ['+1', '23456789', 9], 'com', ['Inc.', 'LLC', 'Corp.']),
  country('GB', 10, en_GB, ['+447', '', 9], 'co.uk', ['Ltd', 'Limited', 'PLC']),
  country('DE', 9, de, ['+491', '567', 9], 'de', ['GmbH', 'AG', 'GmbH & Co. KG']),
  country('FR', 7, fr, ['+33', '67', 8], 'fr', ['SAS', 'SARL', 'SA']),
  country('ES', 5, es, ['+34', '67', 8], 'es', ['S.L.', 'S.A.']),
  country('IT', 4, it, ['+393', '', 9], 'it', ['S.r.l.', 'S.p.A.']),
  country('NL', 4, nl, ['+316', '', 8], 'nl', ['B.V.', 'N.V.']),
  country('CA', 4, en_CA, ['+1', '23456789', 9], 'ca', ['Inc.', 'Ltd.']),
  country('AU', 3, en_AU, ['+614', '', 8], 'com.au', ['Pty Ltd']),
  country('BR', 4, pt_BR, ['+55119', '', 8], 'com.br', ['Ltda.', 'S.A.']),
  country('MX', 3, es_MX, ['+5255', '', 8], 'com.mx', ['S.A. de C.V.']),
  country('PL', 2, pl, ['+48', '5678', 8], 'pl', ['Sp. z o.o.', 'S.A.']),
  country('PT', 2, pt_PT, ['+3519', '', 8], 'pt', ['Lda.', 'S.A.']),
  country('SE', 2, sv, ['+467', '', 8], 'se', ['AB']),
  country('CH', 2, de_CH, ['+417', '', 8], 'ch', ['AG', 'GmbH']),
  country('AT', 2, de_AT, ['+436', '', 9], 'at', ['GmbH', 'AG']),
  country('ZA', 2, en_ZA, ['+27', '678', 8], 'co.za', ['(Pty) Ltd']),
  country('NG', 2, en_NG, ['+234', '789', 9], 'com.ng', ['Ltd']),
  country('IN', 3, en_IN, ['+91', '6789', 9], 'in', ['Pvt. Ltd.']),
];

type NamePart = { text: string; slug: string };
type Company = { legalName: string; domain: string };
type Address = Omit<ResidentialAddress, 'country' | 'streetLine2'>;

type CountryPool = {
  profile: CountryProfile;
  firstNames: NamePart[];
  lastNames: NamePart[];
  companies: Company[];
  addresses: Address[];
  secondaryLines: string[];
};

type Pools = { countries: WeightedTable<CountryPool> };

const REFERRERS = [
  'google',
  'twitter',
  'newsletter',
  'partner-coinbase',
  'partner-ramp',
  'podcast',
  'friend',
  'conference',
];
const POOL_SIZE = { names: 400, companies: 200, addresses: 200, secondaryLines: 60 };
const LEGAL_FORM =
  /\b(GmbH|AG|KG|Inc|LLC|Ltd|Limited|PLC|Corp|S\.?A|SAS|SARL|S\.?p\.?A|S\.?r\.?l|S\.?L|B\.?V|N\.?V|AB|Lda|Ltda|EI|Pty|Sp\. z o\.o)\b\.?$/i;
const DOMAIN_STOP_WORDS = new Set('and und et e y en och i the co sons group'.split(' '));

/** ASCII letters only: names become email local parts and domains. */
function asciiSlug(text: string): string {
  return text
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØœŒ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .replace(/[đĐ]/g, 'd')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '');
}

function companyDomain(name: string, tld: string): string {
  const words = name
    .split(/[^\p{L}]+/u)
    .map(asciiSlug)
    .filter((word) => word.length > 1 && !DOMAIN_STOP_WORDS.has(word) && !LEGAL_FORM.test(word));
  return `${words.slice(0, 2).join('-') || 'company'}.${tld}`;
}

/**
 * No control character, backslash or double quote: such text needs no escaping in COPY data,
 * nor (inside an address) in JSON, so the writer never escapes anything.
 */
function isPlainText(text: string): boolean {
  return !/[\u0000-\u001f\u007f\\"]/.test(text);
}

/** Up to `size` items with distinct, non-empty keys, made of plain text only. */
function distinct<T>(make: () => T, key: (item: T) => string, size: number): T[] {
  const seen = new Map<string, T>();
  for (let attempt = 0; attempt < size * 4 && seen.size < size; attempt++) {
    const item = make();
    const k = key(item);
    if (k && !seen.has(k) && Object.values(item as object).every(plainValue)) seen.set(k, item);
  }
  return [...seen.values()];
}

function plainValue(value: unknown): boolean {
  return typeof value !== 'string' || isPlainText(value);
}

function buildCountryPool(profile: CountryProfile, seed: number): CountryPool {
  const countryKey = profile.code.charCodeAt(0) * 256 + profile.code.charCodeAt(1);
  const faker = new Faker({
    locale: [profile.locale, en, base],
    seed: mix32(seed ^ mix32(countryKey)),
  });
  const namePart = (text: string): NamePart => ({ text, slug: asciiSlug(text) });
  const firstNames = distinct(
    () => namePart(faker.person.firstName(faker.helpers.arrayElement(['female', 'male'] as const))),
    (part) => part.slug,
    POOL_SIZE.names,
  );
  const lastNames = distinct(
    () => namePart(faker.person.lastName()),
    (part) => part.slug,
    POOL_SIZE.names,
  );
  const companies = distinct(
    () => {
      const name = faker.company.name();
      const legalName = LEGAL_FORM.test(name)
        ? name
        : `${name} ${faker.helpers.arrayElement(profile.legalForms)}`;
      return { legalName, domain: companyDomain(name, profile.tld) };
    },
    (company) => company.legalName,
    POOL_SIZE.companies,
  );
  const addresses = distinct(
    () => ({
      streetLine1: faker.location.streetAddress(),
      city: faker.location.city(),
      state: faker.location.state(),
      postalCode: faker.location.zipCode(),
    }),
    (address) => Object.values(address).join('|'),
    POOL_SIZE.addresses,
  );
  const secondaryLines = distinct(
    () => ({ line: faker.location.secondaryAddress() }),
    (item) => item.line,
    POOL_SIZE.secondaryLines,
  ).map((item) => item.line);
  return { profile, firstNames, lastNames, companies, addresses, secondaryLines };
}

const poolsBySeed = new Map<number, Pools>();

function poolsFor(seed: number): Pools {
  let pools = poolsBySeed.get(seed);
  if (!pools) {
    pools = {
      countries: weighted(
        COUNTRIES.map((profile) => [buildCountryPool(profile, seed), profile.weight] as const),
      ),
    };
    poolsBySeed.set(seed, pools);
  }
  return pools;
}

// ---------------------------------------------------------------------------------------------
// Distributions
// ---------------------------------------------------------------------------------------------

type CustomerType = DemoCustomerRow['type'];
type CustomerStatus = DemoCustomerRow['status'];

const STATUSES: Record<CustomerType, WeightedTable<CustomerStatus>> = {
  individual: weighted([
    ['approved', 56],
    ['not_started', 9],
    ['incomplete', 10],
    ['pending_verification', 7],
    ['under_review', 9],
    ['rejected', 9],
  ]),
  business: weighted([
    ['approved', 50],
    ['not_started', 6],
    ['incomplete', 14],
    ['pending_verification', 8],
    ['under_review', 14],
    ['rejected', 8],
  ]),
};

const NETWORK_WEIGHTS: readonly (readonly [Network, number])[] = [
  ['ethereum', 24],
  ['solana', 20],
  ['base', 16],
  ['tron', 14],
  ['polygon', 10],
  ['arbitrum', 10],
  ['optimism', 6],
];
const CURRENCY_WEIGHT: Record<CurrencyCode, number> = {
  USDC: 40,
  USDT: 30,
  ETH: 14,
  SOL: 12,
  TRX: 10,
  EURC: 8,
};
const CURRENCY_CHOICES = Object.fromEntries(
  NETWORKS.map((network) => [
    network,
    currenciesOn(network).map((code) => [code, CURRENCY_WEIGHT[code]] as const),
  ]),
) as Record<Network, (readonly [CurrencyCode, number])[]>;

const WALLETS_WHEN_FUNDED = weighted([
  [1, 15],
  [2, 40],
  [3, 30],
  [4, 15],
]);
const WALLETS_WHEN_EMPTY = weighted([
  [0, 45],
  [1, 35],
  [2, 20],
]);
const WALLETS_WITHOUT_PROFILE = weighted([
  [0, 70],
  [1, 30],
]);
const BALANCES_PER_WALLET = weighted([
  [1, 25],
  [2, 45],
  [3, 30],
]);
const ENTRIES_PER_BALANCE = weighted([
  [1, 65],
  [2, 25],
  [3, 10],
]);

/**
 * A balance is drawn log-uniformly between `min` and `max` whole units; `coarse` is the share
 * of round amounts (whole cents for stablecoins) against full on-chain precision.
 */
const AMOUNTS: Record<
  CurrencyCode,
  { min: number; max: number; coarse: number; coarseDecimals: number }
> = {
  USDC: { min: 5, max: 50_000, coarse: 0.65, coarseDecimals: 2 },
  USDT: { min: 5, max: 50_000, coarse: 0.65, coarseDecimals: 2 },
  EURC: { min: 5, max: 20_000, coarse: 0.65, coarseDecimals: 2 },
  ETH: { min: 0.002, max: 15, coarse: 0.5, coarseDecimals: 6 },
  SOL: { min: 0.05, max: 800, coarse: 0.5, coarseDecimals: 3 },
  TRX: { min: 10, max: 200_000, coarse: 0.6, coarseDecimals: 0 },
};

const TEN = 10n;
const POWERS_OF_TEN = Array.from({ length: 19 }, (_, k) => TEN ** BigInt(k));

type Drawn = { minor: bigint; step: bigint };

/** A positive amount in minor units, and the step its ledger entries are multiples of. */
function drawAmount(currency: CurrencyCode, r: SeededRandom): Drawn {
  const profile = AMOUNTS[currency];
  const decimals = CURRENCIES[currency].decimals;
  const whole = Math.exp(Math.log(profile.min) + r.float() * Math.log(profile.max / profile.min));
  // Up to 9 decimals fit a double exactly at these sizes; ETH's other 9 are drawn separately.
  const exact = Math.min(decimals, 9);
  let minor = BigInt(Math.round(whole * 10 ** exact)) * POWERS_OF_TEN[decimals - exact]!;
  if (decimals > exact) minor += BigInt(r.int(10 ** (decimals - exact)));
  const step = r.chance(profile.coarse) ? POWERS_OF_TEN[decimals - profile.coarseDecimals]! : 1n;
  minor = (minor / step) * step;
  return { minor: minor > 0n ? minor : step, step };
}

function formatMinor(minor: bigint, decimals: number): string {
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString().padStart(decimals + 1, '0');
  const cut = digits.length - decimals;
  return `${negative ? '-' : ''}${digits.slice(0, cut)}.${digits.slice(cut)}`;
}

/** A share between 0.1% and 99.9% of `units` steps, at least one step. */
function portion(units: bigint, r: SeededRandom, maxPerMille = 999): bigint {
  const share = (units * BigInt(1 + r.int(maxPerMille))) / 1000n;
  return share > 0n ? share : 1n;
}

/** Signed amounts, credits first, that add up to `target` exactly. */
function ledgerAmounts(
  target: bigint,
  step: bigint,
  currency: CurrencyCode,
  r: SeededRandom,
): bigint[] {
  if (target === 0n) {
    // Funds that came in and were sent out again: the wallet exists, its balance is zero.
    const { minor, step: inStep } = drawAmount(currency, r);
    const units = minor / inStep;
    if (units >= 2n && r.chance(0.4)) {
      const first = portion(units, r) * inStep;
      return [first, minor - first, -minor];
    }
    return [minor, -minor];
  }
  const units = target / step;
  const count = r.pickWeighted(ENTRIES_PER_BALANCE);
  const debit = portion(units, r, 500) * step;
  if (count === 1 || units < 2n) return [target];
  const first = portion(units, r) * step;
  if (count === 2) return r.chance(0.7) ? [first, target - first] : [target + debit, -debit];
  return [first + debit, target - first, -debit];
}

// ---------------------------------------------------------------------------------------------
// The generator
// ---------------------------------------------------------------------------------------------

const KEY = { customer: 0x243f6a88, wallet: 0x85a308d3 };
const PHONE_MULTIPLIER = 73_939_133; // a prime: multiplying by it permutes the residues mod 10^k
const BIRTH_FIRST_DAY = Date.UTC(1940, 0, 1) / DAY_MS;
const BIRTH_DAYS = Date.UTC(2006, 0, 1) / DAY_MS - BIRTH_FIRST_DAY;
const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org'];
const BUSINESS_MAILBOXES = ['finance', 'treasury', 'ops', 'admin', 'payments', 'hello'];
const PLANS = ['free', 'pro', 'pro', 'enterprise'];

/**
 * Creation times grow denser towards the anchor (a growing customer base) and stay strictly
 * increasing with the index: customer i gets a random instant inside its own slot.
 */
function createdAtMs(index: number, total: number, r: SeededRandom): number {
  const growth = (u: number) => (u + u * u) / 2;
  const start = Math.floor(HISTORY_MS * growth(index / total));
  const end = Math.floor(HISTORY_MS * growth((index + 1) / total));
  return ANCHOR_MS - HISTORY_MS + start + r.int(Math.max(1, end - start));
}

/** A random instant after `fromMs`, at most `withinMs` later and never after the anchor. */
function later(fromMs: number, withinMs: number, r: SeededRandom): number {
  return fromMs + r.int(Math.max(1, Math.min(withinMs, ANCHOR_MS - fromMs)));
}

function phoneNumber(
  index: number,
  seed: number,
  profile: CountryProfile,
  r: SeededRandom,
): string {
  const { prefix, leading, digits } = profile.phone;
  const modulus = 10 ** digits;
  const tail = ((index % modulus) * PHONE_MULTIPLIER + (seed % modulus)) % modulus;
  return `${prefix}${leading ? r.pick(leading.split('')) : ''}${String(tail).padStart(digits, '0')}`;
}

function emailFor(first: NamePart, last: NamePart, sequence: number, r: SeededRandom): string {
  // Every pattern ends in the sequence number right before the '@' and names hold no digits,
  // so the address determines the sequence: unique without asking the database.
  const domain = r.pick(EMAIL_DOMAINS);
  switch (r.int(4)) {
    case 0:
      return `${first.slug}${last.slug}${sequence}@${domain}`;
    case 1:
      return `${first.slug[0]}${last.slug}${sequence}@${domain}`;
    case 2:
      return `${first.slug}_${last.slug}${sequence}@${domain}`;
    default:
      return `${first.slug}.${last.slug}${sequence}@${domain}`;
  }
}

function generateCustomer(
  index: number,
  range: DemoRowRange,
  pools: Pools,
  out: DemoRowSink,
): void {
  const { seed, total } = range;
  const r = new SeededRandom(seed, index);
  const type: CustomerType = r.chance(0.25) ? 'business' : 'individual';
  const status = r.pickWeighted(STATUSES[type]);
  const createdMs = createdAtMs(index, total, r);
  const pool = r.pickWeighted(pools.countries);
  const id = `${type === 'business' ? 'biz' : 'cus'}_${idBody(permute(index, mix32(seed ^ KEY.customer)), r)}`;
  // Customers created by the widget flow (`POST /v1/customers` with `{}`) hold no personal data yet.
  const anonymous = type === 'individual' && status === 'not_started' && r.chance(0.35);
  const sequence = index + 1;

  const customer: DemoCustomerRow = {
    id,
    type,
    status,
    externalId: null,
    firstName: null,
    middleName: null,
    lastName: null,
    legalName: null,
    website: null,
    email: null,
    phone: null,
    birthDate: null,
    country: null,
    residentialAddress: null,
    metadata: {},
    kycProvider: null,
    kycShareTokenReceivedAt: null,
    hasFunds: false,
    createdAt: new Date(createdMs),
    updatedAt: new Date(createdMs),
  };

  if (!anonymous) {
    const profile = pool.profile;
    if (type === 'individual') {
      const first = r.pick(pool.firstNames);
      const last = r.pick(pool.lastNames);
      customer.firstName = first.text;
      customer.lastName = last.text;
      if (r.chance(0.12)) customer.middleName = r.pick(pool.firstNames).text;
      if (r.chance(0.97)) customer.email = emailFor(first, last, sequence, r);
      if (status !== 'not_started' || r.chance(0.5)) {
        customer.birthDate = new Date((BIRTH_FIRST_DAY + r.int(BIRTH_DAYS)) * DAY_MS)
          .toISOString()
          .slice(0, 10);
      }
    } else {
      const company = r.pick(pool.companies);
      customer.legalName = company.legalName;
      customer.website = `https://${r.chance(0.6) ? 'www.' : ''}${company.domain}`;
      if (r.chance(0.97)) {
        customer.email = `${r.pick(BUSINESS_MAILBOXES)}${sequence}@${company.domain.split('.')[0]}.example.com`;
      }
    }
    if (r.chance(0.82)) customer.phone = phoneNumber(index, seed, profile, r);
    if (r.chance(0.45)) customer.externalId = `ext_${sequence}`;
    customer.country = profile.code;
    if (status !== 'not_started' && r.chance(0.7)) {
      const address = r.pick(pool.addresses);
      customer.residentialAddress = r.chance(0.3)
        ? { ...address, streetLine2: r.pick(pool.secondaryLines), country: profile.code }
        : { ...address, country: profile.code };
    }
    if (r.chance(0.25)) {
      const metadata: CustomerMetadata = { plan: r.pick(PLANS) };
      if (r.chance(0.7)) metadata.referrer = r.pick(REFERRERS);
      customer.metadata = metadata;
    }
    if (
      status === 'under_review' ||
      ((status === 'approved' || status === 'rejected') && r.chance(0.35))
    ) {
      customer.kycProvider = 'sumsub';
      customer.kycShareTokenReceivedAt = new Date(later(createdMs, 14 * DAY_MS, r));
    }
    if (status !== 'not_started') {
      const updatedMs = later(
        customer.kycShareTokenReceivedAt?.getTime() ?? createdMs,
        180 * DAY_MS,
        r,
      );
      customer.updatedAt = new Date(updatedMs);
    }
  }

  const funded = !anonymous && r.chance(status === 'approved' ? 0.92 : 0.6);
  const walletCount = r.pickWeighted(
    funded ? WALLETS_WHEN_FUNDED : anonymous ? WALLETS_WITHOUT_PROFILE : WALLETS_WHEN_EMPTY,
  );
  const walletKey = mix32(seed ^ KEY.wallet);
  let walletMs = createdMs;
  let anyFunds = false;
  for (const network of r.sampleWeighted(NETWORK_WEIGHTS, walletCount)) {
    walletMs = later(walletMs, walletMs === createdMs ? 3 * DAY_MS : 120 * DAY_MS, r);
    // One wallet per network per customer, so (index, network) numbers wallets uniquely.
    const unique = permute(index * NETWORKS.length + NETWORKS.indexOf(network), walletKey);
    const wallet: DemoWalletRow = {
      id: `wal_${idBody(unique, r)}`,
      customerId: id,
      network,
      address: walletAddress(network, unique, r),
      createdAt: new Date(walletMs),
    };
    out.wallet(wallet);

    const currencies = funded
      ? r.sampleWeighted(CURRENCY_CHOICES[network], r.pickWeighted(BALANCES_PER_WALLET))
      : r.chance(0.5)
        ? r.sampleWeighted(CURRENCY_CHOICES[network], 1)
        : [];
    for (const currency of currencies) {
      // A funded customer's first balance always holds something; later ones are sometimes spent.
      const empty: boolean = !funded || (anyFunds && r.chance(0.12));
      const drawn: Drawn = empty ? { minor: 0n, step: 1n } : drawAmount(currency, r);
      anyFunds ||= drawn.minor > 0n;
      const decimals = CURRENCIES[currency].decimals;
      let entryMs = walletMs;
      for (const amount of ledgerAmounts(drawn.minor, drawn.step, currency, r)) {
        entryMs = later(entryMs, 60 * DAY_MS, r);
        out.ledgerEntry({
          walletId: wallet.id,
          currency,
          kind: amount > 0n ? 'credit' : 'debit',
          amount: formatMinor(amount, decimals),
          createdAt: new Date(entryMs),
        });
      }
      out.balance({
        walletId: wallet.id,
        currency,
        amount: formatMinor(drawn.minor, decimals),
        updatedAt: new Date(entryMs),
      });
    }
  }
  customer.hasFunds = anyFunds;
  out.customer(customer);
}

function assertRange({ seed, total, from, to }: DemoRowRange): void {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new RangeError(`seed must be an integer from 0 to ${0xffffffff}, got ${seed}`);
  }
  if (!Number.isInteger(total) || total < 0 || total > MAX_DEMO_CUSTOMERS) {
    throw new RangeError(
      `customers must be an integer from 0 to ${MAX_DEMO_CUSTOMERS}, got ${total}`,
    );
  }
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to > total || from > to) {
    throw new RangeError(`invalid customer range ${from}..${to} of ${total}`);
  }
}

/**
 * Generates customers `from` (inclusive) to `to` (exclusive) of `total`, handing each row to
 * `sink` as it is made; a customer comes after its wallets, since `hasFunds` depends on them.
 */
export function generateDemoRowsInto(range: DemoRowRange, sink: DemoRowSink): void {
  assertRange(range);
  const pools = poolsFor(range.seed);
  for (let index = range.from; index < range.to; index++)
    generateCustomer(index, range, pools, sink);
}

/** Customers `from` (inclusive) to `to` (exclusive) of `total`, with their wallets, balances and ledger. */
export function generateDemoRows(range: DemoRowRange): DemoRows {
  const rows: DemoRows = { customers: [], wallets: [], balances: [], ledgerEntries: [] };
  generateDemoRowsInto(range, {
    customer: (row) => rows.customers.push(row),
    wallet: (row) => rows.wallets.push(row),
    balance: (row) => rows.balances.push(row),
    ledgerEntry: (row) => rows.ledgerEntries.push(row),
  });
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Writing: table layouts shared by COPY and unnest
// ---------------------------------------------------------------------------------------------

type Field = string | null;

/** A seeded table: its columns, the type each text value is cast to, and a row as text values. */
type BulkTable<Row> = {
  name: string;
  columns: readonly (readonly [name: string, type: string])[];
  /** Every value is ASCII (ids, codes, amounts, times): COPY data can skip UTF-8 encoding. */
  ascii: boolean;
  fields: (row: Row) => Field[];
};

const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));
const datePrefixes = new Map<number, string>();

/** `Date#toISOString` with the date part cached per day: tens of millions of timestamps. */
function iso(date: Date | null): Field {
  if (date === null) return null;
  const ms = date.getTime();
  const day = Math.floor(ms / DAY_MS);
  let prefix = datePrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
    datePrefixes.set(day, prefix);
  }
  let rest = ms - day * DAY_MS;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  return `${prefix}${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[seconds]}.${THREE_DIGITS[rest - seconds * 1000]}Z`;
}

const json = (value: unknown): Field => (value === null ? null : JSON.stringify(value));

const CUSTOMERS_TABLE: BulkTable<DemoCustomerRow> = {
  name: 'customers',
  columns: [
    ['id', 'text'],
    ['type', 'customer_type'],
    ['status', 'customer_status'],
    ['external_id', 'text'],
    ['first_name', 'text'],
    ['middle_name', 'text'],
    ['last_name', 'text'],
    ['legal_name', 'text'],
    ['website', 'text'],
    ['email', 'text'],
    ['phone', 'text'],
    ['birth_date', 'date'],
    ['country', 'text'],
    ['residential_address', 'jsonb'],
    ['metadata', 'jsonb'],
    ['kyc_provider', 'text'],
    ['kyc_share_token_received_at', 'timestamptz'],
    ['has_funds', 'boolean'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ],
  ascii: false,
  fields: (c) => [
    c.id,
    c.type,
    c.status,
    c.externalId,
    c.firstName,
    c.middleName,
    c.lastName,
    c.legalName,
    c.website,
    c.email,
    c.phone,
    c.birthDate,
    c.country,
    json(c.residentialAddress),
    json(c.metadata),
    c.kycProvider,
    iso(c.kycShareTokenReceivedAt),
    c.hasFunds ? 't' : 'f',
    iso(c.createdAt),
    iso(c.updatedAt),
  ],
};

const WALLETS_TABLE: BulkTable<DemoWalletRow> = {
  name: 'wallets',
  columns: [
    ['id', 'text'],
    ['customer_id', 'text'],
    ['network', 'network'],
    ['address', 'text'],
    ['created_at', 'timestamptz'],
  ],
  ascii: true,
  fields: (w) => [w.id, w.customerId, w.network, w.address, iso(w.createdAt)],
};

const BALANCES_TABLE: BulkTable<DemoBalanceRow> = {
  name: 'wallet_balances',
  columns: [
    ['wallet_id', 'text'],
    ['currency', 'text'],
    ['amount', 'numeric'],
    ['updated_at', 'timestamptz'],
  ],
  ascii: true,
  fields: (b) => [b.walletId, b.currency, b.amount, iso(b.updatedAt)],
};

const LEDGER_TABLE: BulkTable<DemoLedgerEntryRow> = {
  name: 'ledger_entries',
  columns: [
    ['wallet_id', 'text'],
    ['currency', 'text'],
    ['kind', 'ledger_entry_kind'],
    ['amount', 'numeric'],
    ['created_at', 'timestamptz'],
  ],
  ascii: true,
  fields: (e) => [e.walletId, e.currency, e.kind, e.amount, iso(e.createdAt)],
};

/** Parents first: unless the bulk path dropped them, foreign keys are checked row by row. */
const TABLE_ORDER = [CUSTOMERS_TABLE, WALLETS_TABLE, BALANCES_TABLE, LEDGER_TABLE] as const;
const SEEDED_TABLES = TABLE_ORDER.map((table) => table.name).join(', ');
const CHUNK_CUSTOMERS = 25_000;

type Progress = (done: number) => void;
type Log = (line: string) => void;

function logSkipped(existing: number, log: Log): void {
  log(
    `customers: ${existing.toLocaleString('en-US')} already present, none added (the seed only fills an empty customer table)`,
  );
}

// ---------------------------------------------------------------------------------------------
// Writing to PGlite: INSERT … SELECT FROM unnest(…)
// ---------------------------------------------------------------------------------------------

const UNNEST_BATCH_ROWS = 5_000;

type Query = (text: string, params: unknown[]) => Promise<unknown>;

/** Every array travels as text[] and is cast per column: PGlite cannot serialise arrays of enums. */
async function insertUnnest<Row>(query: Query, table: BulkTable<Row>, rows: readonly Row[]) {
  const names = table.columns.map(([name]) => name);
  const text =
    `insert into ${table.name} (${names.join(', ')}) ` +
    `select ${table.columns.map(([name, type]) => `${name}::${type}`).join(', ')} ` +
    `from unnest(${names.map((_, k) => `$${k + 1}::text[]`).join(', ')}) as u(${names.join(', ')})`;
  for (let start = 0; start < rows.length; start += UNNEST_BATCH_ROWS) {
    const columns = names.map((): Field[] => []);
    for (const row of rows.slice(start, start + UNNEST_BATCH_ROWS)) {
      table.fields(row).forEach((value, k) => columns[k]!.push(value));
    }
    await query(text, columns);
  }
}

async function seedEmbedded(
  pglite: PGlite,
  range: Omit<DemoRowRange, 'from' | 'to'>,
  progress: Progress,
  log: Log,
): Promise<boolean> {
  return pglite.transaction(async (tx: PGliteTransaction) => {
    const existing = await tx.query<{ n: number }>('select count(*)::int as n from customers');
    if (existing.rows[0]!.n > 0) {
      logSkipped(existing.rows[0]!.n, log);
      return false;
    }
    const query: Query = (text, params) => tx.query(text, params);
    for (let from = 0; from < range.total; from += CHUNK_CUSTOMERS) {
      const to = Math.min(range.total, from + CHUNK_CUSTOMERS);
      const rows = generateDemoRows({ ...range, from, to });
      await insertUnnest(query, CUSTOMERS_TABLE, rows.customers);
      await insertUnnest(query, WALLETS_TABLE, rows.wallets);
      await insertUnnest(query, BALANCES_TABLE, rows.balances);
      await insertUnnest(query, LEDGER_TABLE, rows.ledgerEntries);
      progress(to);
    }
    return true;
  });
}

// ---------------------------------------------------------------------------------------------
// Writing to PostgreSQL: COPY, and the bulk path for large seeds
// ---------------------------------------------------------------------------------------------

/**
 * COPY text format without escaping: no generated value holds a tab, newline, carriage return
 * or backslash (the faker pools keep only plain text, see `isPlainText`), which this checks.
 */
function copyLine(fields: Field[], checked: boolean): string {
  const line = fields.map((value) => value ?? '\\N').join('\t');
  // Any backslash but the null marker's, or a line break, would corrupt the COPY stream.
  if (checked && /[\n\r]|\\(?!N(?:\t|$))/.test(line)) {
    throw new Error(`Demo data holds a backslash or line break: ${line}`);
  }
  return `${line}\n`;
}

/**
 * A growing byte buffer. COPY lines are gathered into a short string and encoded 16 KiB at a
 * time: no line outlives its row, which keeps the garbage collector's work (otherwise the
 * largest cost of a big seed) small, and one `Buffer#write` per line would cost more.
 */
class ByteBuffer {
  private bytes = Buffer.allocUnsafe(1 << 18);
  private length = 0;
  private pending = '';

  /** `latin1` is a plain copy, right for text known to be ASCII; anything else needs `utf8`. */
  constructor(private readonly encoding: 'utf8' | 'latin1') {}

  append(text: string): void {
    this.pending += text;
    if (this.pending.length >= 16_384) this.flush();
  }

  contents(): Buffer {
    this.flush();
    return this.bytes.subarray(0, this.length);
  }

  private flush(): void {
    const needed = this.length + this.pending.length * 3;
    if (needed > this.bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(needed, this.bytes.length * 2));
      this.bytes.copy(grown, 0, 0, this.length);
      this.bytes = grown;
    }
    this.length += this.bytes.write(this.pending, this.length, this.encoding);
    this.pending = '';
  }
}

/** COPY data per table, a line appended as each row is generated. */
class CopyData implements DemoRowSink {
  private readonly buffers = TABLE_ORDER.map(
    (table) => new ByteBuffer(table.ascii ? 'latin1' : 'utf8'),
  );
  private add<Row>(k: number, table: BulkTable<Row>, row: Row): void {
    // ASCII tables hold ids, codes, amounts and times only: nothing there to check.
    this.buffers[k]!.append(copyLine(table.fields(row), !table.ascii));
  }
  customer = (row: DemoCustomerRow) => this.add(0, CUSTOMERS_TABLE, row);
  wallet = (row: DemoWalletRow) => this.add(1, WALLETS_TABLE, row);
  balance = (row: DemoBalanceRow) => this.add(2, BALANCES_TABLE, row);
  ledgerEntry = (row: DemoLedgerEntryRow) => this.add(3, LEDGER_TABLE, row);

  /** One buffer per table, in `TABLE_ORDER`. */
  bytes(): Buffer[] {
    return this.buffers.map((buffer) => buffer.contents());
  }
}

/** Above this, an empty PostgreSQL database is loaded without secondary indexes and foreign keys. */
const BULK_THRESHOLD = 50_000;
const SLICE_CUSTOMERS = 1_000;

type CopyChunk = { to: number; data: Buffer[][] };

type Definition = { table: string; name: string; definition: string };

/**
 * Maintaining a GIN trigram index, a dozen btree indexes and a foreign-key check per wallet,
 * balance and ledger entry while loading costs several times the load itself; building each
 * once afterwards is one sort or one join. So for a large seed into empty tables, their keys,
 * indexes and the foreign keys on or to them are dropped first and recreated after the load,
 * inside the seed's transaction: if anything fails, the rollback restores them untouched. The
 * definitions are read back from the catalog, so they are exactly what the migrations created.
 * A primary key filled from a sequence stays: rows arrive in key order, so it only ever grows
 * at its right edge, which costs less than building it again.
 */
async function dropKeysAndIndexes(client: PoolClient, log: Log): Promise<() => Promise<void>> {
  const tables = TABLE_ORDER.map((table) => table.name);
  const constraints = await client.query<Definition & { kind: 'p' | 'u' | 'f' }>(
    `select k.conname as name, k.conrelid::regclass::text as "table",
            pg_get_constraintdef(k.oid) as definition, k.contype as kind
       from pg_constraint k
      where ((k.conrelid = any($1::regclass[]) and k.contype in ('p', 'u', 'f'))
             or (k.confrelid = any($1::regclass[]) and k.contype = 'f'))
        and not (k.contype = 'p' and cardinality(k.conkey) = 1 and exists (
              select 1 from pg_attribute a
                left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
               where a.attrelid = k.conrelid and a.attnum = k.conkey[1]
                 and (a.attidentity <> '' or pg_get_expr(d.adbin, d.adrelid) like 'nextval(%')))
      order by 2, 1`,
    [tables],
  );
  // Indexes of their own, not the ones behind a primary key or unique constraint.
  const indexes = await client.query<Definition>(
    `select c.relname as name, i.indrelid::regclass::text as "table", pg_get_indexdef(i.indexrelid) as definition
       from pg_index i join pg_class c on c.oid = i.indexrelid
      where i.indrelid = any($1::regclass[])
        and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid and k.conrelid = i.indrelid)
      order by c.relname`,
    [tables],
  );
  const keys = constraints.rows.filter((c) => c.kind !== 'f');
  const foreignKeys = constraints.rows.filter((c) => c.kind === 'f');
  const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
  for (const c of [...foreignKeys, ...keys]) {
    await client.query(`alter table ${c.table} drop constraint ${quote(c.name)}`);
  }
  for (const index of indexes.rows) await client.query(`drop index ${quote(index.name)}`);

  return async () => {
    const started = performance.now();
    const timings: [string, number][] = [];
    const timed = async (name: string, statement: string) => {
      const from = performance.now();
      await client.query(statement);
      timings.push([name, (performance.now() - from) / 1000]);
    };
    const addConstraint = (c: Definition) =>
      timed(c.name, `alter table ${c.table} add constraint ${quote(c.name)} ${c.definition}`);
    for (const c of keys) await addConstraint(c);
    for (const index of indexes.rows) await timed(index.name, index.definition);
    for (const c of foreignKeys) await addConstraint(c);
    const slowest = timings
      .sort((x, y) => y[1] - x[1])
      .slice(0, 4)
      .map(([name, seconds]) => `${name} ${seconds.toFixed(1)} s`);
    log(
      `rebuilt ${keys.length + indexes.rows.length} keys and indexes and ${foreignKeys.length} foreign keys ` +
        `in ${((performance.now() - started) / 1000).toFixed(1)} s (slowest: ${slowest.join(', ')})`,
    );
  };
}

/**
 * COPY data for customers `from` to `to`, one buffer per table and slice. Yields between slices
 * so the previous chunk's COPY keeps streaming while this one is generated.
 */
async function renderChunk(range: DemoRowRange): Promise<CopyChunk> {
  const data = TABLE_ORDER.map((): Buffer[] => []);
  for (let from = range.from; from < range.to; from += SLICE_CUSTOMERS) {
    const slice = new CopyData();
    generateDemoRowsInto({ ...range, from, to: Math.min(range.to, from + SLICE_CUSTOMERS) }, slice);
    slice.bytes().forEach((buffer, k) => data[k]!.push(buffer));
    await nextTurn();
  }
  return { to: range.to, data };
}

async function copyChunk(client: PoolClient, chunk: CopyChunk): Promise<void> {
  for (const [k, table] of TABLE_ORDER.entries()) {
    const buffers = chunk.data[k]!.filter((buffer) => buffer.length > 0);
    if (buffers.length === 0) continue;
    const columns = table.columns.map(([name]) => name).join(', ');
    await pipeline(buffers, client.query(copyFrom(`copy ${table.name} (${columns}) from stdin`)));
  }
}

async function seedPostgres(
  pool: Pool,
  range: Omit<DemoRowRange, 'from' | 'to'>,
  progress: Progress,
  log: Log,
): Promise<boolean> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    // Two seeds at once must not both see an empty table.
    await client.query(`lock table ${SEEDED_TABLES} in exclusive mode`);
    const existing = await client.query<{ n: number }>('select count(*)::int as n from customers');
    if (existing.rows[0]!.n > 0) {
      await client.query('rollback');
      logSkipped(existing.rows[0]!.n, log);
      return false;
    }
    let restore: (() => Promise<void>) | null = null;
    if (range.total > BULK_THRESHOLD) {
      await client.query(`set local maintenance_work_mem = '512MB'`);
      await client.query(`set local work_mem = '256MB'`);
      restore = await dropKeysAndIndexes(client, log);
    }
    // Chunk k+1 is generated while chunk k streams: this process and the server work side by side.
    let inFlight: Promise<void> = Promise.resolve();
    for (let from = 0; from < range.total; from += CHUNK_CUSTOMERS) {
      const chunk = await renderChunk({
        ...range,
        from,
        to: Math.min(range.total, from + CHUNK_CUSTOMERS),
      });
      await inFlight;
      const copying = copyChunk(client, chunk).then(() => progress(chunk.to));
      copying.catch(() => undefined); // awaited next turn; no unhandled rejection meanwhile
      inFlight = copying;
    }
    await inFlight;
    if (restore) {
      log('rebuilding keys, indexes and foreign keys …');
      await restore();
    }
    await client.query('commit');
    return true;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

// ---------------------------------------------------------------------------------------------
// Staff, prices and the entry point
// ---------------------------------------------------------------------------------------------

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

async function ensureDemoStaff(log: (line: string) => void): Promise<void> {
  const emails = DEMO_STAFF.map((member) => member.email);
  const existing = await db
    .select({ email: staffUsers.email })
    .from(staffUsers)
    .where(inArray(staffUsers.email, emails));
  const present = new Set(existing.map((row) => row.email));
  for (const member of DEMO_STAFF) {
    if (present.has(member.email)) continue;
    try {
      await db.transaction((tx) => insertStaffMember(tx, { ...member, password: DEMO_PASSWORD }));
      log(`staff: created ${member.role} ${member.email}`);
    } catch (error) {
      // Another seed running at the same moment created it first.
      if (!isUniqueViolation(error)) throw error;
    }
  }
}

async function ensurePrices(): Promise<void> {
  const asOf = DEMO_ANCHOR;
  const rows = (Object.keys(DEMO_PRICES) as CurrencyCode[]).map((currency) => ({
    currency,
    decimals: CURRENCIES[currency].decimals,
    usdPrice: DEMO_PRICES[currency],
    asOf,
  }));
  // An existing price is someone's data (or a later update): never overwrite it.
  await db.insert(prices).values(rows).onConflictDoNothing();
}

export type SeedDemoDataOptions = {
  customers: number;
  seed?: number;
  log?: (line: string) => void;
};

/**
 * Demo staff (those missing), prices (those missing) and, when the customer table is empty,
 * `customers` customers with wallets, balances and their ledger; then ANALYZE. A database that
 * already has customers gets none added: the seed never mixes into existing data.
 */
export async function seedDemoData(options: SeedDemoDataOptions): Promise<void> {
  const seed = options.seed ?? DEMO_SEED;
  const total = options.customers;
  const log = options.log ?? (() => undefined);
  assertRange({ seed, total, from: 0, to: total });
  const handle = databaseHandle();
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;

  await ensurePrices();
  await ensureDemoStaff(log);

  let reported = 0;
  const progress: Progress = (done) => {
    if (done === total || done - reported >= Math.max(CHUNK_CUSTOMERS, total / 10)) {
      reported = done;
      log(
        `customers: ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} written (${elapsed()})`,
      );
    }
  };
  // COPY and explicit transactions need the driver itself, which drizzle keeps as `$client`.
  const driver = (handle.db as unknown as { $client: unknown }).$client;
  const added =
    handle.kind === 'embedded'
      ? await seedEmbedded(driver as PGlite, { seed, total }, progress, log)
      : await seedPostgres(driver as Pool, { seed, total }, progress, log);
  if (!added) return;

  await db.execute(sql.raw(`analyze ${SEEDED_TABLES}, customer_counts, prices`));
  log(`statistics updated (${elapsed()})`);
}
