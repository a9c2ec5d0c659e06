import { z } from 'zod';

import { ISO_COUNTRY_CODES } from '@/lib/customers/countries';
import { isCustomerIdShape } from '@/lib/ids';

import {
  CUSTOMER_STATUSES,
  CUSTOMER_TYPES,
  METADATA_MAX_KEYS,
  type CustomerStatus,
  type CustomerType,
} from './constants';

export * from './constants';

const TYPE_MESSAGE = 'Must be "individual" or "business"';

export const METADATA_KEY_PATTERN = /^[A-Za-z0-9_.-]{1,40}$/;
export const METADATA_VALUE_MAX_LENGTH = 500;

type IssueInput = { readonly code?: string; readonly input?: unknown };

/** Error map for a value's own type: tells "missing" apart from "wrong kind of value". */
function requiredOr(message: string) {
  return (issue: IssueInput) => (issue.input === undefined ? 'Required' : message);
}

function objectError(issue: IssueInput) {
  // Unknown keys get their own message per key in zodIssuesToFieldErrors.
  if (issue.code === 'unrecognized_keys') return undefined;
  return issue.input === undefined ? 'Required' : 'Must be an object';
}

// PostgreSQL text and jsonb cannot store U+0000; rejecting it here keeps it a 400, not a 500.
const hasNoNul = (value: string) => !value.includes('\u0000');
const NUL_MESSAGE = 'Must not contain NUL characters';

function text(maxLength: number) {
  return z
    .string({ error: requiredOr('Must be a string') })
    .min(1, { error: 'Must not be empty' })
    .max(maxLength, { error: `Must be at most ${maxLength} characters` })
    .refine(hasNoNul, { error: NUL_MESSAGE });
}

export const nameSchema = text(1024);
export const externalIdSchema = text(128);
export const shareTokenSchema = text(4096);

const WEBSITE_MESSAGE = 'Must be an http or https URL, e.g. https://example.com';
export const websiteSchema = z
  .url({ protocol: /^https?$/, hostname: z.regexes.domain, error: WEBSITE_MESSAGE })
  .max(2048, { error: 'Must be at most 2048 characters' })
  .refine((value) => !/\s/.test(value), { error: WEBSITE_MESSAGE });

// Kept exactly as given: uniqueness is case-insensitive in the database, display is not.
export const emailSchema = z
  .email({ error: 'Must be a valid email address' })
  .max(254, { error: 'Must be at most 254 characters' });

const PHONE_MESSAGE = 'Must be a phone number in international format, e.g. +14155550100';
const PHONE_BODY = /^[\d\s().-]+$/;
const E164_DIGITS = /^[1-9]\d{7,14}$/;

/**
 * Normalises a phone number to E.164 ("+1 (415) 555-0100" → "+14155550100"), or returns null.
 * Without `requirePlus`, a number lacking "+" is read as country code + number: a '+' in an
 * unencoded query string arrives as a space.
 */
export function normalisePhone(input: string, { requirePlus = true } = {}): string | null {
  if (input.length > 64) return null;
  const trimmed = input.trim();
  const hasPlus = trimmed.startsWith('+');
  if (requirePlus && !hasPlus) return null;
  const body = hasPlus ? trimmed.slice(1) : trimmed;
  if (!PHONE_BODY.test(body)) return null;
  const digits = body.replace(/\D/g, '');
  return E164_DIGITS.test(digits) ? `+${digits}` : null;
}

function phoneSchema(options: { requirePlus: boolean }) {
  return z.string({ error: requiredOr(PHONE_MESSAGE) }).transform((input, ctx) => {
    const phone = normalisePhone(input, options);
    if (phone === null) {
      ctx.issues.push({ code: 'custom', message: PHONE_MESSAGE, input });
      return z.NEVER;
    }
    return phone;
  });
}

export const phoneInputSchema = phoneSchema({ requirePlus: true });

const todayUtc = () => new Date().toISOString().slice(0, 10);

// Compared as strings: YYYY-MM-DD sorts chronologically, and no time zone gets involved.
export const birthDateSchema = z.iso
  .date({ error: requiredOr('Must be a real date in YYYY-MM-DD format') })
  .refine((value) => value >= '1900-01-01' && value < todayUtc(), {
    error: 'Must be from 1900-01-01 up to yesterday',
    when: (payload) => payload.issues.length === 0,
  });

export const countrySchema = z.enum(ISO_COUNTRY_CODES, {
  error: requiredOr('Must be an ISO 3166-1 alpha-2 country code in upper case, e.g. US'),
});

export const residentialAddressSchema = z.strictObject(
  {
    streetLine1: text(1024),
    streetLine2: text(1024).nullable().optional(),
    city: text(1024),
    state: text(1024),
    postalCode: text(64),
    country: countrySchema,
  },
  { error: objectError },
);

const metadataKeySchema = z.string().regex(METADATA_KEY_PATTERN, {
  error: 'Keys must be 1–40 characters of A–Z, a–z, 0–9, "_", "." or "-"',
});

const metadataValueSchema = z.union(
  [
    z
      .string()
      .max(METADATA_VALUE_MAX_LENGTH, {
        error: `Must be at most ${METADATA_VALUE_MAX_LENGTH} characters`,
      })
      .refine(hasNoNul, { error: NUL_MESSAGE }),
    z.number(),
    z.boolean(),
  ],
  { error: 'Must be a string, a finite number or a boolean' },
);

/**
 * Checks on the raw object, before zod's record parsing: the record silently drops a
 * "__proto__" key, and a key count taken afterwards would miss the invalid keys.
 */
function checkMetadataKeys(maxKeys: number) {
  return (input: unknown, ctx: z.RefinementCtx) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
    const keys = Object.keys(input);
    if (keys.length > maxKeys) {
      ctx.addIssue({ code: 'custom', message: `Must have at most ${maxKeys} keys`, input });
    }
    if (keys.includes('__proto__')) {
      ctx.addIssue({ code: 'custom', message: 'This key is reserved', path: ['__proto__'], input });
    }
    return input;
  };
}

export const metadataSchema = z.preprocess(
  checkMetadataKeys(METADATA_MAX_KEYS),
  z.record(metadataKeySchema, metadataValueSchema, { error: objectError }),
);

/**
 * An update merges key by key and null removes a key. At most 50 keys can be set; the cap on
 * removals only bounds the work, since the stored object never holds more than 50 keys.
 */
export const metadataPatchSchema = z.preprocess(
  checkMetadataKeys(2 * METADATA_MAX_KEYS),
  z
    .record(metadataKeySchema, metadataValueSchema.nullable(), { error: objectError })
    .refine((patch) => Object.values(patch).filter((v) => v !== null).length <= METADATA_MAX_KEYS, {
      error: `Must set at most ${METADATA_MAX_KEYS} keys`,
    }),
);

export type ResidentialAddress = z.output<typeof residentialAddressSchema>;
export type Metadata = z.output<typeof metadataSchema>;
export type MetadataPatch = z.output<typeof metadataPatchSchema>;

// Declared rather than left to "Unknown field" so the refusal explains itself, in errors and docs.
function refusedField(message: string) {
  return z.never({ error: message }).meta({ description: message }).optional();
}

const statusIsReadOnly = refusedField('status cannot be set by the API');

/** Fields that may be absent or null; on update, null clears the stored value. */
const nullableCustomerFields = {
  externalId: externalIdSchema.nullable().optional(),
  firstName: nameSchema.nullable().optional(),
  middleName: nameSchema.nullable().optional(),
  lastName: nameSchema.nullable().optional(),
  legalName: nameSchema.nullable().optional(),
  website: websiteSchema.nullable().optional(),
  email: emailSchema.nullable().optional(),
  phone: phoneInputSchema.nullable().optional(),
  birthDate: birthDateSchema.nullable().optional(),
  country: countrySchema.nullable().optional(),
  residentialAddress: residentialAddressSchema.nullable().optional(),
};

const BUSINESS_REQUIRED_FIELDS = ['legalName', 'website'] as const;

/** Runs even when other fields failed, so one response names every bad field. */
const whenBodyIsObject = (payload: { value: unknown }) =>
  typeof payload.value === 'object' && payload.value !== null && !Array.isArray(payload.value);

export const customerCreateSchema = z
  .strictObject(
    {
      type: z.enum(CUSTOMER_TYPES, { error: TYPE_MESSAGE }).default('individual'),
      status: statusIsReadOnly,
      ...nullableCustomerFields,
      metadata: metadataSchema.optional(),
      shareToken: shareTokenSchema.optional(),
    },
    { error: objectError },
  )
  .superRefine(
    (customer, ctx) => {
      if (customer.type !== 'business') return;
      for (const field of BUSINESS_REQUIRED_FIELDS) {
        if (customer[field] == null) {
          ctx.addIssue({
            code: 'custom',
            message: 'Required for business customers',
            path: [field],
          });
        }
      }
    },
    { when: whenBodyIsObject },
  );

/**
 * Whether a business keeps its legal name and website after an update depends on the stored
 * customer, so that rule is checked where the update is applied, not here.
 */
export const customerUpdateSchema = z.strictObject(
  {
    type: refusedField('type cannot change after creation'),
    status: statusIsReadOnly,
    ...nullableCustomerFields,
    metadata: metadataPatchSchema.optional(),
    shareToken: shareTokenSchema.optional(),
  },
  { error: objectError },
);

export type CustomerCreateInput = z.input<typeof customerCreateSchema>;
export type CustomerCreate = z.output<typeof customerCreateSchema>;
export type CustomerUpdateInput = z.input<typeof customerUpdateSchema>;
export type CustomerUpdate = z.output<typeof customerUpdateSchema>;

/** Query parameters as URLSearchParams or Next.js `searchParams` hold them. */
export type CustomerListQuery = Record<string, string | string[] | undefined>;

/** Keeps repeated parameters as arrays so the schema can refuse them instead of picking one. */
export function searchParamsToQuery(params: URLSearchParams): CustomerListQuery {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    query[key] = values.length === 1 ? (values[0] ?? '') : values;
  }
  return query;
}

export type CustomerListFilters = {
  email?: string;
  phone?: string;
  customerId?: string;
  externalId?: string;
  type?: CustomerType;
  statuses?: CustomerStatus[];
  /** Inclusive lower bound on createdAt. */
  createdFrom?: Date;
  /** Exclusive upper bound on createdAt: the day after a bare-date createdTo, else createdTo + 1 ms. */
  createdBefore?: Date;
  q?: string;
};

export type CustomerListParams = {
  limit: number;
  /** Resolved from offset or page; 0 when a cursor is used. */
  offset: number;
  cursor: string | null;
  filters: CustomerListFilters;
};

export const LIST_LIMIT_DEFAULT = 20;
export const LIST_LIMIT_MAX = 100;

/** A parameter given twice is refused rather than resolved by picking one of its values. */
function param<T extends z.ZodType<unknown, string>>(schema: T) {
  return z
    .string({
      error: (issue) =>
        Array.isArray(issue.input) ? 'Must be given only once' : 'Must be a string',
    })
    .pipe(schema);
}

function integerParam(min: number, max: number, message: string) {
  return param(
    z.string().transform((raw, ctx) => {
      const value = /^\d{1,16}$/.test(raw) ? Number(raw) : Number.NaN;
      if (!Number.isSafeInteger(value) || value < min || value > max) {
        ctx.issues.push({ code: 'custom', message, input: raw });
        return z.NEVER;
      }
      return value;
    }),
  );
}

const STATUS_MESSAGE = `Must be one or more of ${CUSTOMER_STATUSES.join(', ')}, separated by commas`;

const statusesParam = z.string().transform((raw, ctx) => {
  const statuses = raw.split(',').map((status) => status.trim());
  const known: readonly string[] = CUSTOMER_STATUSES;
  if (!statuses.every((status) => known.includes(status))) {
    ctx.issues.push({ code: 'custom', message: STATUS_MESSAGE, input: raw });
    return z.NEVER;
  }
  return CUSTOMER_STATUSES.filter((status) => statuses.includes(status));
});

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
// Milliseconds at most: bounds are inclusive to the millisecond, finer digits would be dropped.
const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,3})?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
const isoDate = z.iso.date();

type TimeBound = { instant: Date; wholeDay: boolean };

function parseTimeBound(raw: string): TimeBound | null {
  if (DATE_ONLY.test(raw)) {
    return isoDate.safeParse(raw).success
      ? { instant: new Date(`${raw}T00:00:00.000Z`), wholeDay: true }
      : null;
  }
  const match = DATE_TIME.exec(raw);
  if (!match || !isoDate.safeParse(match[1]).success) return null;
  return { instant: new Date(raw), wholeDay: false };
}

const TIME_BOUND_MESSAGE = 'Must be a date (YYYY-MM-DD) or an ISO 8601 date-time with a time zone';

const timeBoundParam = z.string().transform((raw, ctx) => {
  const bound = parseTimeBound(raw);
  if (!bound) {
    ctx.issues.push({ code: 'custom', message: TIME_BOUND_MESSAGE, input: raw });
    return z.NEVER;
  }
  return bound;
});

const DAY_MS = 86_400_000;

function exclusiveUpperBound({ instant, wholeDay }: TimeBound): Date {
  return new Date(instant.getTime() + (wholeDay ? DAY_MS : 1));
}

function withoutUndefined<T extends object>(value: T): T {
  // Safe cast: only keys whose value is undefined are removed, which optional keys allow.
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}

// Next.js types searchParams with undefined values; such a parameter simply is not there.
const dropUndefinedValues = (input: unknown) =>
  typeof input === 'object' && input !== null ? withoutUndefined(input) : input;

const CUSTOMER_ID_MESSAGE = 'Must be a customer id (cus_… or biz_…)';
const Q_MESSAGE = 'Must be 3–100 characters';
const LIMIT_MESSAGE = `Must be an integer from 1 to ${LIST_LIMIT_MAX}`;

const listQueryObject = z
  .strictObject(
    {
      limit: integerParam(1, LIST_LIMIT_MAX, LIMIT_MESSAGE).optional(),
      offset: integerParam(
        0,
        Number.MAX_SAFE_INTEGER,
        'Must be an integer of 0 or more',
      ).optional(),
      page: integerParam(1, Number.MAX_SAFE_INTEGER, 'Must be an integer of 1 or more').optional(),
      cursor: param(text(1024)).optional(),
      email: param(emailSchema).optional(),
      phone: param(phoneSchema({ requirePlus: false })).optional(),
      customerId: param(
        z.string().refine(isCustomerIdShape, { error: CUSTOMER_ID_MESSAGE }),
      ).optional(),
      externalId: param(externalIdSchema).optional(),
      type: param(z.enum(CUSTOMER_TYPES, { error: TYPE_MESSAGE })).optional(),
      status: param(statusesParam).optional(),
      createdFrom: param(timeBoundParam).optional(),
      createdTo: param(timeBoundParam).optional(),
      q: param(
        z
          .string()
          .min(3, { error: Q_MESSAGE })
          .max(100, { error: Q_MESSAGE })
          .refine(hasNoNul, { error: NUL_MESSAGE }),
      ).optional(),
    },
    { error: objectError },
  )
  .superRefine(
    (query, ctx) => {
      if (query.offset !== undefined && query.page !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['page'],
          message: 'Use either offset or page, not both',
        });
      }
      if (query.cursor !== undefined && (query.offset !== undefined || query.page !== undefined)) {
        ctx.addIssue({
          code: 'custom',
          path: ['cursor'],
          message: 'Cannot be combined with offset or page',
        });
      }
    },
    // Only presence is checked here, so it is safe to run when other parameters failed.
    { when: whenBodyIsObject },
  )
  .superRefine((query, ctx) => {
    const limit = query.limit ?? LIST_LIMIT_DEFAULT;
    if (query.page !== undefined && !Number.isSafeInteger((query.page - 1) * limit)) {
      ctx.addIssue({ code: 'custom', path: ['page'], message: 'Is too large' });
    }
    if (query.createdFrom && query.createdTo) {
      if (exclusiveUpperBound(query.createdTo) <= query.createdFrom.instant) {
        ctx.addIssue({
          code: 'custom',
          path: ['createdTo'],
          message: 'Must not be before createdFrom',
        });
      }
    }
  })
  .transform((query): CustomerListParams => {
    const limit = query.limit ?? LIST_LIMIT_DEFAULT;
    const filters: CustomerListFilters = withoutUndefined({
      email: query.email,
      phone: query.phone,
      customerId: query.customerId,
      externalId: query.externalId,
      type: query.type,
      statuses: query.status,
      createdFrom: query.createdFrom?.instant,
      createdBefore: query.createdTo && exclusiveUpperBound(query.createdTo),
      q: query.q,
    });
    return {
      limit,
      offset: query.page !== undefined ? (query.page - 1) * limit : (query.offset ?? 0),
      cursor: query.cursor ?? null,
      filters,
    };
  });

/**
 * Parses `CustomerListQuery`. Every invalid or unknown parameter is an error naming it: a
 * filter that is silently ignored would return customers the caller did not ask for.
 */
export const customerListQuerySchema = z.preprocess(dropUndefinedValues, listQueryObject);
