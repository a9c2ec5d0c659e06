import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';

import {
  CUSTOMER_STATUSES,
  CUSTOMER_TYPES,
  customerCreateSchema,
  customerListQuerySchema,
  customerUpdateSchema,
  normalisePhone,
  searchParamsToQuery,
} from '@/lib/customers/schemas';
import { zodIssuesToFieldErrors } from '@/lib/customers/validation-errors';
import type { FieldError } from '@/lib/errors';

function errorsOf(schema: z.ZodType, input: unknown): FieldError[] {
  const result = schema.safeParse(input);
  return result.success ? [] : zodIssuesToFieldErrors(result.error);
}

function parsed<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new Error(JSON.stringify(zodIssuesToFieldErrors(result.error)));
  return result.data;
}

const fieldsOf = (errors: FieldError[]) => errors.map((error) => error.field);

const create = (body: unknown) => errorsOf(customerCreateSchema, body);
const update = (body: unknown) => errorsOf(customerUpdateSchema, body);

const validAddress = {
  streetLine1: '1 Market St',
  city: 'San Francisco',
  state: 'CA',
  postalCode: '94105',
  country: 'US',
};

function metadataWithKeys(count: number) {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`key_${i}`, i]));
}

describe('enums', () => {
  it('lists both customer types and the six KYC statuses', () => {
    expect(CUSTOMER_TYPES).toEqual(['individual', 'business']);
    expect(CUSTOMER_STATUSES).toEqual([
      'not_started',
      'incomplete',
      'pending_verification',
      'under_review',
      'approved',
      'rejected',
    ]);
  });
});

describe('customerCreateSchema: the body as a whole', () => {
  it('accepts an empty body as an individual customer', () => {
    expect(parsed(customerCreateSchema, {})).toEqual({ type: 'individual' });
  });

  it('accepts a complete individual customer and keeps every value as given', () => {
    const body = {
      type: 'individual',
      externalId: 'crm-42',
      firstName: 'Ada',
      middleName: 'King',
      lastName: 'Lovelace',
      email: 'Ada.Lovelace@Example.COM',
      phone: '+44 20 7946 0958',
      birthDate: '1990-12-10',
      country: 'GB',
      residentialAddress: { ...validAddress, streetLine2: 'Floor 3' },
      metadata: { plan: 'pro', seats: 3, vip: true },
      shareToken: '_act-sbx-jwt-abc',
    };
    expect(parsed(customerCreateSchema, body)).toEqual({ ...body, phone: '+442079460958' });
  });

  it('treats null in a nullable field as not given', () => {
    expect(create({ firstName: null, email: null, residentialAddress: null })).toEqual([]);
  });

  it('refuses a body that is not an object', () => {
    expect(create([])).toEqual([{ field: '', message: 'Must be an object' }]);
    expect(create('customer')).toEqual([{ field: '', message: 'Must be an object' }]);
  });

  it('refuses read-only and unknown fields, one error per field', () => {
    expect(
      create({ id: 'cus_1', createdAt: '2026-01-01', balance: {}, kyc: {}, nickname: 'x' }),
    ).toEqual([
      { field: 'id', message: 'Unknown field' },
      { field: 'createdAt', message: 'Unknown field' },
      { field: 'balance', message: 'Unknown field' },
      { field: 'kyc', message: 'Unknown field' },
      { field: 'nickname', message: 'Unknown field' },
    ]);
  });

  it('refuses a status, whatever its value', () => {
    for (const status of ['approved', 'not_started', null]) {
      expect(create({ status })).toEqual([
        { field: 'status', message: 'status cannot be set by the API' },
      ]);
    }
  });

  it('refuses an unknown type', () => {
    expect(create({ type: 'company' })).toEqual([
      { field: 'type', message: 'Must be "individual" or "business"' },
    ]);
  });

  it('names every bad field in one pass', () => {
    expect(fieldsOf(create({ email: 'nope', phone: 'nope', country: 'usa', zip: '1' }))).toEqual([
      'email',
      'phone',
      'country',
      'zip',
    ]);
  });
});

describe('customerCreateSchema: business customers', () => {
  it('accepts a business with a legal name and a website', () => {
    expect(
      parsed(customerCreateSchema, {
        type: 'business',
        legalName: 'Acme Ltd',
        website: 'https://acme.example',
      }),
    ).toMatchObject({ type: 'business', legalName: 'Acme Ltd' });
  });

  it('requires a website, naming the field', () => {
    expect(create({ type: 'business', legalName: 'Acme Ltd' })).toEqual([
      { field: 'website', message: 'Required for business customers' },
    ]);
  });

  it('requires a legal name, also when it is null', () => {
    expect(create({ type: 'business', legalName: null, website: 'https://acme.example' })).toEqual([
      { field: 'legalName', message: 'Required for business customers' },
    ]);
  });

  it('reports the business rule together with other field errors', () => {
    expect(create({ type: 'business', email: 'bad', id: 'biz_1' })).toEqual(
      expect.arrayContaining([
        { field: 'email', message: 'Must be a valid email address' },
        { field: 'id', message: 'Unknown field' },
        { field: 'legalName', message: 'Required for business customers' },
        { field: 'website', message: 'Required for business customers' },
      ]),
    );
  });

  it('does not report a given but invalid legal name twice', () => {
    expect(create({ type: 'business', legalName: '', website: 'https://acme.example' })).toEqual([
      { field: 'legalName', message: 'Must not be empty' },
    ]);
  });

  it('lets individuals carry a legal name and website too', () => {
    expect(create({ legalName: 'Ada Ltd', website: 'https://ada.example' })).toEqual([]);
  });
});

describe('name fields', () => {
  it.each(['firstName', 'middleName', 'lastName', 'legalName'])(
    '%s accepts 1 to 1024 characters',
    (field) => {
      expect(create({ [field]: 'A' })).toEqual([]);
      expect(create({ [field]: 'x'.repeat(1024) })).toEqual([]);
    },
  );

  it.each(['firstName', 'middleName', 'lastName', 'legalName'])(
    '%s refuses the empty string, never turning it into null',
    (field) => {
      expect(create({ [field]: '' })).toEqual([{ field, message: 'Must not be empty' }]);
    },
  );

  it('refuses 1025 characters', () => {
    expect(create({ firstName: 'x'.repeat(1025) })).toEqual([
      { field: 'firstName', message: 'Must be at most 1024 characters' },
    ]);
  });

  it('refuses a non-string', () => {
    expect(create({ lastName: 7 })).toEqual([{ field: 'lastName', message: 'Must be a string' }]);
  });

  it('refuses the NUL character, which the database cannot store', () => {
    expect(create({ firstName: 'Ada\u0000' })).toEqual([
      { field: 'firstName', message: 'Must not contain NUL characters' },
    ]);
  });
});

describe('externalId and shareToken', () => {
  it('accept 1 to 128 and 1 to 4096 characters', () => {
    expect(create({ externalId: 'e'.repeat(128), shareToken: 't'.repeat(4096) })).toEqual([]);
  });

  it('refuse the empty string and over-long values', () => {
    expect(create({ externalId: '', shareToken: '' })).toEqual([
      { field: 'externalId', message: 'Must not be empty' },
      { field: 'shareToken', message: 'Must not be empty' },
    ]);
    expect(fieldsOf(create({ externalId: 'e'.repeat(129), shareToken: 't'.repeat(4097) }))).toEqual(
      ['externalId', 'shareToken'],
    );
  });

  it('refuse a null share token', () => {
    expect(fieldsOf(create({ shareToken: null }))).toEqual(['shareToken']);
  });
});

describe('website', () => {
  it('accepts http and https URLs up to 2048 characters', () => {
    expect(create({ website: 'http://acme.example' })).toEqual([]);
    expect(create({ website: 'https://shop.acme.example/about?lang=en#team' })).toEqual([]);
    const longest = `https://acme.example/${'a'.repeat(2048 - 'https://acme.example/'.length)}`;
    expect(longest).toHaveLength(2048);
    expect(create({ website: longest })).toEqual([]);
  });

  it('refuses 2049 characters', () => {
    const tooLong = `https://acme.example/${'a'.repeat(2049 - 'https://acme.example/'.length)}`;
    expect(create({ website: tooLong })).toEqual([
      { field: 'website', message: 'Must be at most 2048 characters' },
    ]);
  });

  it('refuses other schemes, bare domains, whitespace and the empty string', () => {
    for (const website of [
      'ftp://acme.example',
      'javascript:alert(1)',
      'acme.example',
      'https://',
      'https://acme example.com',
      'https://acme.example/a b',
      '',
    ]) {
      expect(create({ website }), website).toEqual([
        { field: 'website', message: 'Must be an http or https URL, e.g. https://example.com' },
      ]);
    }
  });
});

describe('email', () => {
  it('accepts a valid address and keeps its letter case', () => {
    expect(parsed(customerCreateSchema, { email: 'Ada@Example.com' }).email).toBe(
      'Ada@Example.com',
    );
  });

  it('accepts 254 characters and refuses 255', () => {
    const domain = '@example.com';
    expect(create({ email: `${'a'.repeat(254 - domain.length)}${domain}` })).toEqual([]);
    expect(create({ email: `${'a'.repeat(255 - domain.length)}${domain}` })).toEqual([
      { field: 'email', message: 'Must be at most 254 characters' },
    ]);
  });

  it('refuses malformed addresses and surrounding spaces instead of trimming them', () => {
    for (const email of [
      'ada',
      'ada@',
      '@example.com',
      'ada@example',
      ' ada@example.com',
      'ada@example.com ',
      '',
    ]) {
      expect(create({ email }), email).toEqual([
        { field: 'email', message: 'Must be a valid email address' },
      ]);
    }
  });
});

describe('phone', () => {
  it('normalises spaces, dashes, dots and brackets to E.164', () => {
    expect(parsed(customerCreateSchema, { phone: '+1 (415) 555-0100' }).phone).toBe('+14155550100');
    expect(parsed(customerCreateSchema, { phone: '+44.20.7946.0958' }).phone).toBe('+442079460958');
    expect(parsed(customerCreateSchema, { phone: ' +49 30 1234567 ' }).phone).toBe('+49301234567');
    expect(parsed(customerCreateSchema, { phone: '+14155550100' }).phone).toBe('+14155550100');
  });

  it('accepts 8 to 15 digits after the plus sign', () => {
    expect(create({ phone: '+12345678' })).toEqual([]);
    expect(create({ phone: `+1${'2'.repeat(14)}` })).toEqual([]);
  });

  it('refuses letters, too few or too many digits, a missing plus and a leading zero', () => {
    for (const phone of [
      '+1 415 CALL',
      '+1 415 555 0100 ext 2',
      '+1234567',
      `+1${'2'.repeat(15)}`,
      '4155550100',
      '+0 415 555 0100',
      '++14155550100',
      '+1 415 555 0100 +',
      '+1/415/555/0100',
      '',
    ]) {
      expect(create({ phone }), phone).toEqual([
        {
          field: 'phone',
          message: 'Must be a phone number in international format, e.g. +14155550100',
        },
      ]);
    }
  });

  it('can read a number without its plus sign when asked to', () => {
    expect(normalisePhone('1 415 555 0100', { requirePlus: false })).toBe('+14155550100');
    expect(normalisePhone('1 415 555 0100')).toBeNull();
  });
});

describe('birthDate', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-01T12:00:00Z'));
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('accepts yesterday and returns the same string', () => {
    expect(parsed(customerCreateSchema, { birthDate: '2026-02-28' }).birthDate).toBe('2026-02-28');
  });

  it('refuses today and the future', () => {
    for (const birthDate of ['2026-03-01', '2026-03-02', '2999-01-01']) {
      expect(create({ birthDate })).toEqual([
        { field: 'birthDate', message: 'Must be from 1900-01-01 up to yesterday' },
      ]);
    }
  });

  it('judges "today" in UTC', () => {
    // 00:30 on 1 March in Berlin is still 28 February in UTC.
    vi.setSystemTime(new Date('2026-03-01T00:30:00+01:00'));
    expect(fieldsOf(create({ birthDate: '2026-02-28' }))).toEqual(['birthDate']);
    expect(create({ birthDate: '2026-02-27' })).toEqual([]);
  });

  it('accepts 1900-01-01 and refuses 1899-12-31', () => {
    expect(create({ birthDate: '1900-01-01' })).toEqual([]);
    expect(create({ birthDate: '1899-12-31' })).toEqual([
      { field: 'birthDate', message: 'Must be from 1900-01-01 up to yesterday' },
    ]);
  });

  it('refuses dates that do not exist and any other format', () => {
    for (const birthDate of [
      '2023-02-30',
      '2023-02-29',
      '1990-13-01',
      '1990-1-01',
      '01/02/1990',
      '1990-01-01T00:00:00Z',
      '',
    ]) {
      expect(create({ birthDate }), birthDate).toEqual([
        { field: 'birthDate', message: 'Must be a real date in YYYY-MM-DD format' },
      ]);
    }
  });

  it('accepts 29 February in a leap year', () => {
    expect(create({ birthDate: '2024-02-29' })).toEqual([]);
  });
});

describe('country', () => {
  it('accepts an upper-case ISO 3166-1 alpha-2 code', () => {
    for (const country of ['US', 'GB', 'DE', 'AX', 'SS']) expect(create({ country })).toEqual([]);
  });

  it('refuses lower case, reserved codes and other forms', () => {
    for (const country of ['us', 'UK', 'EU', 'XK', 'ZZ', 'USA', '', 'U S']) {
      expect(create({ country }), country).toEqual([
        {
          field: 'country',
          message: 'Must be an ISO 3166-1 alpha-2 country code in upper case, e.g. US',
        },
      ]);
    }
  });
});

describe('residentialAddress', () => {
  it('accepts an address with or without streetLine2', () => {
    expect(create({ residentialAddress: validAddress })).toEqual([]);
    expect(create({ residentialAddress: { ...validAddress, streetLine2: null } })).toEqual([]);
    expect(create({ residentialAddress: { ...validAddress, streetLine2: 'Apt 4' } })).toEqual([]);
  });

  it('requires every other part, naming each by dotted path', () => {
    expect(create({ residentialAddress: {} })).toEqual([
      { field: 'residentialAddress.streetLine1', message: 'Required' },
      { field: 'residentialAddress.city', message: 'Required' },
      { field: 'residentialAddress.state', message: 'Required' },
      { field: 'residentialAddress.postalCode', message: 'Required' },
      { field: 'residentialAddress.country', message: 'Required' },
    ]);
  });

  it('refuses an unknown nested key by its full path', () => {
    expect(create({ residentialAddress: { ...validAddress, zip: '94105' } })).toEqual([
      { field: 'residentialAddress.zip', message: 'Unknown field' },
    ]);
  });

  it('limits the postal code to 64 characters and refuses it empty', () => {
    expect(create({ residentialAddress: { ...validAddress, postalCode: '9'.repeat(64) } })).toEqual(
      [],
    );
    expect(create({ residentialAddress: { ...validAddress, postalCode: '9'.repeat(65) } })).toEqual(
      [{ field: 'residentialAddress.postalCode', message: 'Must be at most 64 characters' }],
    );
    expect(create({ residentialAddress: { ...validAddress, postalCode: '' } })).toEqual([
      { field: 'residentialAddress.postalCode', message: 'Must not be empty' },
    ]);
  });

  it('checks the nested country code', () => {
    expect(fieldsOf(create({ residentialAddress: { ...validAddress, country: 'us' } }))).toEqual([
      'residentialAddress.country',
    ]);
  });

  it('refuses an address that is not an object', () => {
    expect(create({ residentialAddress: '1 Market St' })).toEqual([
      { field: 'residentialAddress', message: 'Must be an object' },
    ]);
  });
});

describe('metadata on create', () => {
  it('accepts exactly 50 keys and refuses 51', () => {
    expect(create({ metadata: metadataWithKeys(50) })).toEqual([]);
    expect(create({ metadata: metadataWithKeys(51) })).toEqual([
      { field: 'metadata', message: 'Must have at most 50 keys' },
    ]);
  });

  it('accepts a 40-character key and refuses a 41-character one, naming it', () => {
    const key40 = 'k'.repeat(40);
    const key41 = 'k'.repeat(41);
    expect(create({ metadata: { [key40]: 1 } })).toEqual([]);
    expect(create({ metadata: { [key41]: 1 } })).toEqual([
      {
        field: `metadata.${key41}`,
        message: 'Keys must be 1–40 characters of A–Z, a–z, 0–9, "_", "." or "-"',
      },
    ]);
  });

  it('allows letters, digits, underscore, dot and dash in keys, nothing else', () => {
    expect(create({ metadata: { 'Order_ID.v-2': 'x' } })).toEqual([]);
    for (const key of ['', 'has space', 'ümlaut', 'a/b', 'a:b']) {
      expect(fieldsOf(create({ metadata: { [key]: 'x' } })), key).toEqual([`metadata.${key}`]);
    }
  });

  it('refuses a __proto__ key instead of silently dropping it', () => {
    expect(create({ metadata: JSON.parse('{"__proto__": "x"}') })).toEqual([
      { field: 'metadata.__proto__', message: 'This key is reserved' },
    ]);
  });

  it('accepts strings up to 500 characters, finite numbers and booleans', () => {
    const metadata = { note: 'n'.repeat(500), empty: '', count: -1.5, flag: false };
    expect(parsed(customerCreateSchema, { metadata }).metadata).toEqual(metadata);
  });

  it('refuses a 501-character string, naming the key', () => {
    expect(create({ metadata: { note: 'n'.repeat(501) } })).toEqual([
      { field: 'metadata.note', message: 'Must be at most 500 characters' },
    ]);
  });

  it('refuses null, nested objects, arrays and non-finite numbers as values', () => {
    for (const value of [null, { a: 1 }, [1], Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(create({ metadata: { key: value } })).toEqual([
        { field: 'metadata.key', message: 'Must be a string, a finite number or a boolean' },
      ]);
    }
  });

  it('refuses metadata that is not an object', () => {
    for (const metadata of [null, [], 'x', 1]) {
      expect(create({ metadata })).toEqual([{ field: 'metadata', message: 'Must be an object' }]);
    }
  });
});

describe('customerUpdateSchema', () => {
  it('accepts an empty update', () => {
    expect(parsed(customerUpdateSchema, {})).toEqual({});
  });

  it('keeps null so that it clears the stored value', () => {
    const body = {
      firstName: null,
      website: null,
      email: null,
      phone: null,
      birthDate: null,
      country: null,
      externalId: null,
      residentialAddress: null,
    };
    expect(parsed(customerUpdateSchema, body)).toEqual(body);
  });

  it('validates given fields with the same rules as create', () => {
    expect(
      update({
        firstName: '',
        email: 'bad',
        phone: '+1 415 CALL',
        residentialAddress: { zip: '1' },
      }),
    ).toEqual(
      expect.arrayContaining([
        { field: 'firstName', message: 'Must not be empty' },
        { field: 'email', message: 'Must be a valid email address' },
        {
          field: 'phone',
          message: 'Must be a phone number in international format, e.g. +14155550100',
        },
        { field: 'residentialAddress.zip', message: 'Unknown field' },
        { field: 'residentialAddress.streetLine1', message: 'Required' },
      ]),
    );
  });

  it('normalises the phone number', () => {
    expect(parsed(customerUpdateSchema, { phone: '+1 (415) 555-0100' }).phone).toBe('+14155550100');
  });

  it('refuses a type, even the current one', () => {
    for (const type of ['business', 'individual']) {
      expect(update({ type })).toEqual([
        { field: 'type', message: 'type cannot change after creation' },
      ]);
    }
  });

  it('refuses a status', () => {
    expect(update({ status: 'approved' })).toEqual([
      { field: 'status', message: 'status cannot be set by the API' },
    ]);
  });

  it('refuses read-only fields as unknown', () => {
    expect(update({ id: 'cus_1', updatedAt: 'x' })).toEqual([
      { field: 'id', message: 'Unknown field' },
      { field: 'updatedAt', message: 'Unknown field' },
    ]);
  });

  it('accepts a new share token but not null', () => {
    expect(update({ shareToken: 'token' })).toEqual([]);
    expect(fieldsOf(update({ shareToken: null }))).toEqual(['shareToken']);
  });

  it('accepts null metadata values, which remove keys', () => {
    expect(parsed(customerUpdateSchema, { metadata: { old: null, plan: 'pro' } }).metadata).toEqual(
      {
        old: null,
        plan: 'pro',
      },
    );
  });

  it('refuses null as the whole metadata object', () => {
    expect(update({ metadata: null })).toEqual([
      { field: 'metadata', message: 'Must be an object' },
    ]);
  });

  it('lets one update set 50 keys while removing others, but not set 51', () => {
    const removals = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`old_${i}`, null]));
    expect(update({ metadata: { ...metadataWithKeys(50), ...removals } })).toEqual([]);
    expect(update({ metadata: metadataWithKeys(51) })).toEqual([
      { field: 'metadata', message: 'Must set at most 50 keys' },
    ]);
  });

  it('applies the metadata key and value rules', () => {
    expect(fieldsOf(update({ metadata: { ['k'.repeat(41)]: 1, ok: 'n'.repeat(501) } }))).toEqual([
      `metadata.${'k'.repeat(41)}`,
      'metadata.ok',
    ]);
  });

  it('leaves the business legal name rule to the command, which knows the stored type', () => {
    expect(update({ legalName: null, website: null })).toEqual([]);
  });
});

describe('customerListQuerySchema', () => {
  const list = (query: Record<string, string | string[] | undefined>) =>
    errorsOf(customerListQuerySchema, query);
  const params = (query: Record<string, string | string[] | undefined>) =>
    parsed(customerListQuerySchema, query);

  it('defaults to the first 20 customers without filters', () => {
    expect(params({})).toEqual({ limit: 20, offset: 0, cursor: null, filters: {} });
  });

  it('accepts a limit from 1 to 100', () => {
    expect(params({ limit: '1' }).limit).toBe(1);
    expect(params({ limit: '100' }).limit).toBe(100);
  });

  it('refuses a limit that is not an integer from 1 to 100', () => {
    for (const limit of ['abc', '1.5', '0', '101', '-1', '+5', ' 5', '1e2', '']) {
      expect(list({ limit }), limit).toEqual([
        { field: 'limit', message: 'Must be an integer from 1 to 100' },
      ]);
    }
  });

  it('takes an offset of 0 or more', () => {
    expect(params({ offset: '0' }).offset).toBe(0);
    expect(params({ offset: '40' }).offset).toBe(40);
    expect(list({ offset: '-1' })).toEqual([
      { field: 'offset', message: 'Must be an integer of 0 or more' },
    ]);
  });

  it('turns a page into an offset of (page - 1) × limit', () => {
    expect(params({ page: '3', limit: '20' }).offset).toBe(40);
    expect(params({ page: '1' }).offset).toBe(0);
    expect(list({ page: '0' })).toEqual([
      { field: 'page', message: 'Must be an integer of 1 or more' },
    ]);
  });

  it('refuses offset and page together', () => {
    expect(list({ offset: '20', page: '2' })).toEqual([
      { field: 'page', message: 'Use either offset or page, not both' },
    ]);
  });

  it('refuses a page whose offset would be too large to represent', () => {
    expect(list({ page: String(Number.MAX_SAFE_INTEGER), limit: '100' })).toEqual([
      { field: 'page', message: 'Is too large' },
    ]);
  });

  it('passes a cursor through but refuses it with offset or page', () => {
    expect(params({ cursor: 'eyJpZCI6ImN1c18xIn0' })).toMatchObject({
      cursor: 'eyJpZCI6ImN1c18xIn0',
      offset: 0,
    });
    expect(list({ cursor: 'abc', offset: '20' })).toEqual([
      { field: 'cursor', message: 'Cannot be combined with offset or page' },
    ]);
    expect(fieldsOf(list({ cursor: 'abc', page: '2' }))).toEqual(['cursor']);
    expect(fieldsOf(list({ cursor: '' }))).toEqual(['cursor']);
    expect(fieldsOf(list({ cursor: 'c'.repeat(1025) }))).toEqual(['cursor']);
  });

  it('filters by exact email, keeping its case for a case-insensitive comparison', () => {
    expect(params({ email: 'Ada@Example.com' }).filters).toEqual({ email: 'Ada@Example.com' });
    expect(list({ email: 'ada@' })).toEqual([
      { field: 'email', message: 'Must be a valid email address' },
    ]);
  });

  it('normalises the phone filter like the phone field', () => {
    expect(params({ phone: '+1 (415) 555-0100' }).filters).toEqual({ phone: '+14155550100' });
    // An unencoded "+" in a query string arrives as a space.
    expect(params({ phone: ' 14155550100' }).filters).toEqual({ phone: '+14155550100' });
    expect(fieldsOf(list({ phone: '+1 415 CALL' }))).toEqual(['phone']);
  });

  it('filters by customer id, external id and type', () => {
    expect(
      params({ customerId: 'biz_abc', externalId: 'crm-1', type: 'business' }).filters,
    ).toEqual({
      customerId: 'biz_abc',
      externalId: 'crm-1',
      type: 'business',
    });
    expect(list({ customerId: 'wal_abc' })).toEqual([
      { field: 'customerId', message: 'Must be a customer id (cus_… or biz_…)' },
    ]);
    expect(fieldsOf(list({ type: 'company' }))).toEqual(['type']);
    expect(fieldsOf(list({ externalId: '' }))).toEqual(['externalId']);
  });

  it('accepts one status or several separated by commas', () => {
    expect(params({ status: 'approved' }).filters).toEqual({ statuses: ['approved'] });
    expect(params({ status: 'rejected,approved, under_review' }).filters).toEqual({
      statuses: ['under_review', 'approved', 'rejected'],
    });
  });

  it('refuses an unknown or empty status value', () => {
    for (const status of ['approved,bogus', 'APPROVED', 'approved,', '']) {
      expect(fieldsOf(list({ status })), status).toEqual(['status']);
    }
  });

  it('resolves a bare-date range to whole UTC days', () => {
    expect(params({ createdFrom: '2026-01-15', createdTo: '2026-01-15' }).filters).toEqual({
      createdFrom: new Date('2026-01-15T00:00:00.000Z'),
      createdBefore: new Date('2026-01-16T00:00:00.000Z'),
    });
  });

  it('makes a date-time createdTo inclusive to the millisecond', () => {
    expect(params({ createdTo: '2026-01-15T10:00:00.123Z' }).filters).toEqual({
      createdBefore: new Date('2026-01-15T10:00:00.124Z'),
    });
  });

  it('honours time-zone offsets', () => {
    expect(params({ createdFrom: '2026-01-15T10:00:00+02:00' }).filters).toEqual({
      createdFrom: new Date('2026-01-15T08:00:00.000Z'),
    });
  });

  it('refuses malformed dates and date-times without a time zone', () => {
    for (const value of [
      '2026-02-30',
      '2026-1-5',
      '2026-01-15T25:00:00Z',
      '2026-01-15T10:00:00',
      '2026-01-15T10:00:00.1234Z',
      '2026-02-30T10:00:00Z',
      'yesterday',
    ]) {
      expect(list({ createdFrom: value }), value).toEqual([
        {
          field: 'createdFrom',
          message: 'Must be a date (YYYY-MM-DD) or an ISO 8601 date-time with a time zone',
        },
      ]);
    }
  });

  it('refuses a createdTo before createdFrom', () => {
    expect(list({ createdFrom: '2026-01-16', createdTo: '2026-01-15' })).toEqual([
      { field: 'createdTo', message: 'Must not be before createdFrom' },
    ]);
  });

  it('accepts a search text of 3 to 100 characters', () => {
    expect(params({ q: 'ada' }).filters).toEqual({ q: 'ada' });
    expect(params({ q: '%_%' }).filters).toEqual({ q: '%_%' });
    expect(list({ q: 'ad' })).toEqual([{ field: 'q', message: 'Must be 3–100 characters' }]);
    expect(list({ q: 'a'.repeat(101) })).toEqual([
      { field: 'q', message: 'Must be 3–100 characters' },
    ]);
  });

  it('refuses unknown parameters by name', () => {
    expect(list({ sort: 'name', Limit: '5' })).toEqual([
      { field: 'sort', message: 'Unknown field' },
      { field: 'Limit', message: 'Unknown field' },
    ]);
  });

  it('refuses a parameter given more than once', () => {
    expect(list({ status: ['approved', 'rejected'] })).toEqual([
      { field: 'status', message: 'Must be given only once' },
    ]);
  });

  it('ignores parameters whose value is undefined', () => {
    expect(params({ limit: undefined, email: undefined })).toEqual({
      limit: 20,
      offset: 0,
      cursor: null,
      filters: {},
    });
  });

  it('names every bad parameter at once', () => {
    expect(fieldsOf(list({ limit: '0', offset: '1', page: '2', status: 'x', bogus: '1' }))).toEqual(
      ['limit', 'status', 'bogus', 'page'],
    );
  });

  it('combines all filters in one result', () => {
    expect(
      params({
        limit: '50',
        offset: '100',
        email: 'ada@example.com',
        type: 'individual',
        status: 'approved',
        q: 'lovelace',
      }),
    ).toEqual({
      limit: 50,
      offset: 100,
      cursor: null,
      filters: {
        email: 'ada@example.com',
        type: 'individual',
        statuses: ['approved'],
        q: 'lovelace',
      },
    });
  });
});

describe('searchParamsToQuery', () => {
  it('keeps single values as strings and repeated ones as arrays', () => {
    expect(
      searchParamsToQuery(new URLSearchParams('limit=5&status=approved&status=rejected')),
    ).toEqual({
      limit: '5',
      status: ['approved', 'rejected'],
    });
  });

  it('feeds the list schema, which then refuses the repeated parameter', () => {
    const query = searchParamsToQuery(new URLSearchParams('type=business&type=individual'));
    expect(errorsOf(customerListQuerySchema, query)).toEqual([
      { field: 'type', message: 'Must be given only once' },
    ]);
  });
});
