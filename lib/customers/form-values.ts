import { z } from 'zod';
import type { CustomerResource } from './present';
import {
  customerCreateSchema,
  customerUpdateSchema,
  type CustomerCreate,
  type CustomerType,
  type CustomerUpdate,
} from './schemas';

/**
 * The customer form's values and their mapping to the API's input. Inputs hold strings only:
 * an empty input means "not given" on create and "clear it" (null) on edit. Validation is the
 * API's own: the payload built from the values is parsed with customerCreateSchema or
 * customerUpdateSchema, and each issue is put back on the input it came from.
 */
export type MetadataRow = { key: string; value: string };
export type AddressValues = {
  streetLine1: string;
  streetLine2: string;
  city: string;
  state: string;
  postalCode: string;
  country: string;
};
export type CustomerFormValues = {
  type: CustomerType;
  firstName: string;
  middleName: string;
  lastName: string;
  birthDate: string;
  legalName: string;
  website: string;
  email: string;
  phone: string;
  country: string;
  externalId: string;
  hasAddress: boolean;
  address: AddressValues;
  metadata: MetadataRow[];
};

/** What the form reads from a customer: the API's representation, never the stored row. */
export type CustomerFormSource = Pick<
  CustomerResource,
  | 'type'
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
>;

const TYPE_FIELDS = {
  individual: ['firstName', 'middleName', 'lastName', 'birthDate'],
  business: ['legalName', 'website'],
} as const;
const COMMON_FIELDS = ['email', 'phone', 'country', 'externalId'] as const;
const ADDRESS_FIELDS = [
  'streetLine1',
  'streetLine2',
  'city',
  'state',
  'postalCode',
  'country',
] as const;

export type ProfileField =
  (typeof TYPE_FIELDS)[CustomerType][number] | (typeof COMMON_FIELDS)[number];

export const FIELD_LABELS: Record<ProfileField | 'residentialAddress', string> = {
  firstName: 'First name',
  middleName: 'Middle name',
  lastName: 'Last name',
  birthDate: 'Birth date',
  legalName: 'Legal name',
  website: 'Website',
  email: 'Email',
  phone: 'Phone',
  country: 'Country',
  externalId: 'External id',
  residentialAddress: 'Residential address',
};

/** The profile fields a customer of this type has on the form, in display order. */
export function profileFieldsOf(type: CustomerType): ProfileField[] {
  return [...TYPE_FIELDS[type], ...COMMON_FIELDS];
}

const EMPTY_ADDRESS: AddressValues = {
  streetLine1: '',
  streetLine2: '',
  city: '',
  state: '',
  postalCode: '',
  country: '',
};

export function emptyFormValues(type: CustomerType = 'individual'): CustomerFormValues {
  return {
    type,
    firstName: '',
    middleName: '',
    lastName: '',
    birthDate: '',
    legalName: '',
    website: '',
    email: '',
    phone: '',
    country: '',
    externalId: '',
    hasAddress: false,
    address: { ...EMPTY_ADDRESS },
    metadata: [],
  };
}

export function formValuesFrom(customer: CustomerFormSource): CustomerFormValues {
  const address = customer.residentialAddress;
  return {
    ...emptyFormValues(customer.type),
    firstName: customer.firstName ?? '',
    middleName: customer.middleName ?? '',
    lastName: customer.lastName ?? '',
    birthDate: customer.birthDate ?? '',
    legalName: customer.legalName ?? '',
    website: customer.website ?? '',
    email: customer.email ?? '',
    phone: customer.phone ?? '',
    country: customer.country ?? '',
    externalId: customer.externalId ?? '',
    hasAddress: address !== null,
    address: address
      ? {
          streetLine1: address.streetLine1,
          streetLine2: address.streetLine2 ?? '',
          city: address.city,
          state: address.state,
          postalCode: address.postalCode,
          country: address.country,
        }
      : { ...EMPTY_ADDRESS },
    // The form edits values as text; numbers and booleans keep their type until changed.
    metadata: Object.entries(customer.metadata).map(([key, value]) => ({
      key,
      value: String(value),
    })),
  };
}

/** Rows left completely blank are ignored; keys lose surrounding spaces, values keep them. */
function filledRows(rows: MetadataRow[]): MetadataRow[] {
  return rows
    .map((row) => ({ key: row.key.trim(), value: row.value }))
    .filter((row) => row.key !== '' || row.value !== '');
}

function metadataMap(rows: MetadataRow[]): Map<string, string> {
  return new Map(filledRows(rows).map((row) => [row.key, row.value]));
}

function addressPayload(address: AddressValues): Record<string, string> {
  // An empty required part is left out, so the schema answers "Required" for it.
  const payload: Record<string, string> = {};
  for (const field of ADDRESS_FIELDS) {
    const value = address[field].trim();
    if (value !== '') payload[field] = value;
  }
  return payload;
}

function addressChanged(values: CustomerFormValues, base: CustomerFormValues): boolean {
  if (values.hasAddress !== base.hasAddress) return true;
  if (!values.hasAddress) return false;
  return ADDRESS_FIELDS.some(
    (field) => values.address[field].trim() !== base.address[field].trim(),
  );
}

/** Key → new value, or null for a removed key: the API's metadata merge patch. */
function metadataPatch(
  rows: MetadataRow[],
  baseRows: MetadataRow[],
): Record<string, string | null> {
  const current = metadataMap(rows);
  const base = metadataMap(baseRows);
  const patch: [string, string | null][] = [];
  for (const [key, value] of current) if (base.get(key) !== value) patch.push([key, value]);
  for (const key of base.keys()) if (!current.has(key)) patch.push([key, null]);
  return Object.fromEntries(patch);
}

/** The create payload, before validation: only the selected type's fields, empty ones left out. */
export function createPayloadFrom(values: CustomerFormValues): Record<string, unknown> {
  const payload: Record<string, unknown> = { type: values.type };
  for (const field of profileFieldsOf(values.type)) {
    const value = values[field].trim();
    if (value !== '') payload[field] = value;
  }
  if (values.hasAddress) payload.residentialAddress = addressPayload(values.address);
  const rows = filledRows(values.metadata);
  // fromEntries makes a "__proto__" key an own key, which the schema then refuses by name.
  if (rows.length > 0) payload.metadata = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  return payload;
}

/** The update payload, before validation: only what differs from `base`, cleared fields as null. */
export function updatePayloadFrom(
  values: CustomerFormValues,
  base: CustomerFormValues,
): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const field of profileFieldsOf(base.type)) {
    const value = values[field].trim();
    if (value !== base[field].trim()) payload[field] = value === '' ? null : value;
  }
  if (addressChanged(values, base)) {
    payload.residentialAddress = values.hasAddress ? addressPayload(values.address) : null;
  }
  const metadata = metadataPatch(values.metadata, base.metadata);
  if (Object.keys(metadata).length > 0) payload.metadata = metadata;
  return payload;
}

/** Form path → message; paths are react-hook-form's (`address.city`, `metadata.2.key`). */
export type FormErrors = Record<string, string>;
export type FormParse<T> = { ok: true; input: T } | { ok: false; errors: FormErrors };

function rowIndexOf(rows: MetadataRow[], key: string): number {
  return rows.findIndex((row) => row.key.trim() === key);
}

function formPathOf(issue: z.core.$ZodIssue, rows: MetadataRow[]): string {
  const [head, second] = issue.path.map(String);
  if (head === 'residentialAddress') return `address.${second ?? 'streetLine1'}`;
  if (head === 'metadata' && second !== undefined) {
    const index = rowIndexOf(rows, second);
    if (index === -1) return 'metadata';
    const onKey = issue.code === 'invalid_key' || second === '__proto__';
    return `metadata.${index}.${onKey ? 'key' : 'value'}`;
  }
  return head ?? 'root';
}

function issueMessage(issue: z.core.$ZodIssue): string {
  // A record's key check reports through a nested issue; its message says more.
  if (issue.code === 'invalid_key') return issue.issues[0]?.message ?? issue.message;
  return issue.message;
}

function duplicateKeyErrors(rows: MetadataRow[]): FormErrors {
  const errors: FormErrors = {};
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const key = row.key.trim();
    if (key === '' && row.value === '') return;
    if (seen.has(key)) errors[`metadata.${index}.key`] = 'This key is already used above';
    seen.add(key);
  });
  return errors;
}

function parseWith<S extends z.ZodType>(
  schema: S,
  payload: Record<string, unknown>,
  rows: MetadataRow[],
): FormParse<z.output<S>> {
  const result = schema.safeParse(payload);
  const errors = duplicateKeyErrors(rows);
  if (!result.success) {
    for (const issue of result.error.issues) {
      errors[formPathOf(issue, rows)] ??= issueMessage(issue);
    }
  }
  if (result.success && Object.keys(errors).length === 0) return { ok: true, input: result.data };
  return { ok: false, errors };
}

/** Validates the create payload with the API's schema; `input` is what to send. */
export function parseCreateValues(values: CustomerFormValues): FormParse<CustomerCreate> {
  return parseWith(customerCreateSchema, createPayloadFrom(values), values.metadata);
}

/** Validates the changes since `base` with the API's update schema; `input` is the patch. */
export function parseUpdateValues(
  values: CustomerFormValues,
  base: CustomerFormValues,
): FormParse<CustomerUpdate> {
  return parseWith(customerUpdateSchema, updatePayloadFrom(values, base), values.metadata);
}

/**
 * Puts the server's field errors (the API's dotted paths) on the form's inputs; messages for
 * fields the form does not show come back in `unplaced`.
 */
export function serverErrorsToForm(
  fieldErrors: Record<string, string>,
  values: CustomerFormValues,
): { placed: FormErrors; unplaced: string[] } {
  const placed: FormErrors = {};
  const unplaced: string[] = [];
  const shown = new Set<string>(profileFieldsOf(values.type));
  for (const [field, message] of Object.entries(fieldErrors)) {
    if (shown.has(field)) {
      placed[field] = message;
    } else if (field.startsWith('residentialAddress.') && values.hasAddress) {
      placed[`address.${field.slice('residentialAddress.'.length)}`] = message;
    } else if (field === 'metadata' || field.startsWith('metadata.')) {
      const index = rowIndexOf(values.metadata, field.slice('metadata.'.length));
      placed[field === 'metadata' || index === -1 ? 'metadata' : `metadata.${index}.value`] =
        message;
    } else {
      unplaced.push(`${field}: ${message}`);
    }
  }
  return { placed, unplaced };
}

function addressText(values: CustomerFormValues): string {
  if (!values.hasAddress) return '';
  const { streetLine1, streetLine2, city, state, postalCode, country } = values.address;
  return [streetLine1, streetLine2, city, state, postalCode, country]
    .map((part) => part.trim())
    .filter(Boolean)
    .join(', ');
}

/** One field someone else changed: their value, and the one now in this form. */
export type ConcurrentChange = {
  field: string;
  label: string;
  theirs: string;
  yours: string;
  /** This form changed the field as well, so re-applying overwrites their value. */
  youChangedIt: boolean;
};

/**
 * What changed between the version the form loaded (`base`) and the latest one (`theirs`),
 * field by field, next to the value in the form (`mine`). Empty values are "".
 */
export function describeConcurrentChanges(
  base: CustomerFormValues,
  theirs: CustomerFormValues,
  mine: CustomerFormValues,
): ConcurrentChange[] {
  const changes: ConcurrentChange[] = [];
  for (const field of profileFieldsOf(base.type)) {
    if (theirs[field].trim() === base[field].trim()) continue;
    changes.push({
      field,
      label: FIELD_LABELS[field],
      theirs: theirs[field],
      yours: mine[field],
      youChangedIt: mine[field].trim() !== base[field].trim(),
    });
  }
  if (addressChanged(theirs, base)) {
    changes.push({
      field: 'residentialAddress',
      label: FIELD_LABELS.residentialAddress,
      theirs: addressText(theirs),
      yours: addressText(mine),
      youChangedIt: addressChanged(mine, base),
    });
  }
  const mineMetadata = metadataMap(mine.metadata);
  const baseMetadata = metadataMap(base.metadata);
  for (const [key, value] of Object.entries(metadataPatch(theirs.metadata, base.metadata))) {
    changes.push({
      field: `metadata.${key}`,
      label: `Metadata “${key}”`,
      theirs: value ?? '',
      yours: mineMetadata.get(key) ?? '',
      youChangedIt: mineMetadata.get(key) !== baseMetadata.get(key),
    });
  }
  return changes;
}

/**
 * The latest version (`theirs`) with this form's own changes since `base` laid on top: what
 * "re-apply my changes" saves. Fields the form did not change take their value.
 */
export function reapplyChanges(
  mine: CustomerFormValues,
  base: CustomerFormValues,
  theirs: CustomerFormValues,
): CustomerFormValues {
  const merged: CustomerFormValues = {
    ...theirs,
    address: { ...theirs.address },
    metadata: theirs.metadata.map((row) => ({ ...row })),
  };
  for (const field of profileFieldsOf(base.type)) {
    if (mine[field].trim() !== base[field].trim()) merged[field] = mine[field];
  }
  if (addressChanged(mine, base)) {
    merged.hasAddress = mine.hasAddress;
    merged.address = { ...mine.address };
  }
  for (const [key, value] of Object.entries(metadataPatch(mine.metadata, base.metadata))) {
    const index = rowIndexOf(merged.metadata, key);
    if (value === null) {
      if (index !== -1) merged.metadata.splice(index, 1);
    } else if (index === -1) {
      merged.metadata.push({ key, value });
    } else {
      merged.metadata[index] = { key, value };
    }
  }
  return merged;
}

const REASON_MAX_LENGTH = 1000;

/** The delete dialog's confirmation: the customer's id typed exactly, and a reason. */
export function deletionConfirmationSchema(customerId: string) {
  return z.object({
    confirmId: z.string().refine((value) => value === customerId, {
      error: `Type ${customerId} exactly to confirm`,
    }),
    reason: z
      .string()
      .trim()
      .min(1, { error: 'Say why this customer is being deleted' })
      .max(REASON_MAX_LENGTH, { error: `Must be at most ${REASON_MAX_LENGTH} characters` }),
  });
}

export type DeletionConfirmation = z.input<ReturnType<typeof deletionConfirmationSchema>>;
