import { describe, expect, it } from 'vitest';
import {
  createPayloadFrom,
  deletionConfirmationSchema,
  describeConcurrentChanges,
  emptyFormValues,
  formValuesFrom,
  parseCreateValues,
  parseUpdateValues,
  reapplyChanges,
  serverErrorsToForm,
  type CustomerFormSource,
  type CustomerFormValues,
} from './form-values';

const stored: CustomerFormSource = {
  type: 'individual',
  externalId: 'crm-1',
  firstName: 'Ada',
  middleName: null,
  lastName: 'Lovelace',
  legalName: null,
  website: null,
  email: 'ada@example.com',
  phone: '+14155550100',
  birthDate: '1990-12-10',
  country: 'GB',
  residentialAddress: {
    streetLine1: '1 Main St',
    streetLine2: null,
    city: 'London',
    state: 'London',
    postalCode: 'N1 9GU',
    country: 'GB',
  },
  metadata: { plan: 'pro', seats: 3, vip: true },
};

function values(overrides: Partial<CustomerFormValues> = {}): CustomerFormValues {
  return { ...emptyFormValues(), ...overrides };
}

function errorsOf(result: ReturnType<typeof parseCreateValues>) {
  return result.ok ? {} : result.errors;
}

describe('creating from the form', () => {
  it('sends only the filled inputs of the selected type, trimmed', () => {
    const result = parseCreateValues(
      values({
        type: 'business',
        firstName: 'Hidden',
        legalName: '  Acme Ltd ',
        website: 'https://acme.example',
        email: '',
      }),
    );
    expect(result).toEqual({
      ok: true,
      input: { type: 'business', legalName: 'Acme Ltd', website: 'https://acme.example' },
    });
  });

  it('sends the phone number in the form the API stores it', () => {
    const result = parseCreateValues(values({ phone: '+1 (415) 555-0100' }));
    expect(result.ok && result.input.phone).toBe('+14155550100');
  });

  it('puts every API validation message on the input it belongs to', () => {
    const errors = errorsOf(
      parseCreateValues(
        values({
          type: 'business',
          email: 'not-an-email',
          phone: '555',
          hasAddress: true,
          address: { ...emptyFormValues().address, streetLine1: '1 Main St', country: 'GB' },
          metadata: [
            { key: 'bad key', value: 'x' },
            { key: 'note', value: 'x'.repeat(501) },
          ],
        }),
      ),
    );
    expect(errors).toMatchObject({
      legalName: 'Required for business customers',
      website: 'Required for business customers',
      email: 'Must be a valid email address',
      phone: expect.stringContaining('international format'),
      'address.city': 'Required',
      'address.postalCode': 'Required',
      'metadata.0.key': expect.stringContaining('Keys must be'),
      'metadata.1.value': 'Must be at most 500 characters',
    });
    expect(errors).not.toHaveProperty('address.streetLine2');
  });

  it('ignores blank metadata rows and refuses a key given twice', () => {
    const form = values({
      metadata: [
        { key: 'plan', value: 'pro' },
        { key: '', value: '' },
        { key: ' plan', value: 'basic' },
      ],
    });
    expect(errorsOf(parseCreateValues(form))).toEqual({
      'metadata.2.key': 'This key is already used above',
    });
    expect(createPayloadFrom({ ...form, metadata: form.metadata.slice(0, 2) })).toEqual({
      type: 'individual',
      metadata: { plan: 'pro' },
    });
  });

  it('refuses a "__proto__" metadata key by name instead of dropping it', () => {
    const errors = errorsOf(
      parseCreateValues(values({ metadata: [{ key: '__proto__', value: 'x' }] })),
    );
    expect(errors).toEqual({ 'metadata.0.key': 'This key is reserved' });
  });
});

describe('editing from the form', () => {
  const base = formValuesFrom(stored);

  it('reads a stored customer into text inputs', () => {
    expect(base).toMatchObject({
      firstName: 'Ada',
      middleName: '',
      hasAddress: true,
      address: { streetLine2: '', postalCode: 'N1 9GU' },
      metadata: [
        { key: 'plan', value: 'pro' },
        { key: 'seats', value: '3' },
        { key: 'vip', value: 'true' },
      ],
    });
  });

  it('sends nothing when nothing changed', () => {
    expect(parseUpdateValues(structuredClone(base), base)).toEqual({ ok: true, input: {} });
  });

  it('sends changed fields, and null for a field that was emptied', () => {
    const result = parseUpdateValues({ ...base, lastName: 'Byron', externalId: '  ' }, base);
    expect(result).toEqual({ ok: true, input: { lastName: 'Byron', externalId: null } });
  });

  it('replaces the address as a whole, or clears it', () => {
    const moved = { ...base, address: { ...base.address, city: 'Bath' } };
    expect(parseUpdateValues(moved, base)).toEqual({
      ok: true,
      input: {
        residentialAddress: {
          streetLine1: '1 Main St',
          city: 'Bath',
          state: 'London',
          postalCode: 'N1 9GU',
          country: 'GB',
        },
      },
    });
    expect(parseUpdateValues({ ...base, hasAddress: false }, base)).toEqual({
      ok: true,
      input: { residentialAddress: null },
    });
  });

  it('sends changed metadata keys, and removed keys as null, leaving the others alone', () => {
    const edited = {
      ...base,
      metadata: [
        { key: 'plan', value: 'enterprise' },
        { key: 'seats', value: '3' },
        { key: 'region', value: 'eu' },
      ],
    };
    expect(parseUpdateValues(edited, base)).toEqual({
      ok: true,
      input: { metadata: { plan: 'enterprise', region: 'eu', vip: null } },
    });
  });

  it('validates only what changed, with the update schema', () => {
    const result = parseUpdateValues({ ...base, email: 'nope', birthDate: '2999-01-01' }, base);
    expect(result).toEqual({
      ok: false,
      errors: {
        email: 'Must be a valid email address',
        birthDate: 'Must be from 1900-01-01 up to yesterday',
      },
    });
  });
});

describe('server errors on the form', () => {
  it('places field errors on their inputs and returns the rest', () => {
    const form = formValuesFrom(stored);
    expect(
      serverErrorsToForm(
        {
          email: 'Already used by another customer',
          'residentialAddress.city': 'Must not be empty',
          'metadata.plan': 'Too long',
          shareToken: 'Unknown field',
        },
        form,
      ),
    ).toEqual({
      placed: {
        email: 'Already used by another customer',
        'address.city': 'Must not be empty',
        'metadata.0.value': 'Too long',
      },
      unplaced: ['shareToken: Unknown field'],
    });
  });
});

describe('a concurrent change', () => {
  const base = formValuesFrom(stored);
  const theirs = formValuesFrom({
    ...stored,
    firstName: 'Augusta',
    metadata: { plan: 'pro', seats: 4, vip: true },
  });

  it('is described field by field, their value next to the one in the form', () => {
    const mine = { ...base, firstName: 'Ada K.', lastName: 'King' };
    expect(describeConcurrentChanges(base, theirs, mine)).toEqual([
      {
        field: 'firstName',
        label: 'First name',
        theirs: 'Augusta',
        yours: 'Ada K.',
        youChangedIt: true,
      },
      {
        field: 'metadata.seats',
        label: 'Metadata “seats”',
        theirs: '4',
        yours: '3',
        youChangedIt: false,
      },
    ]);
  });

  it('can be taken over by re-applying only the fields this form changed', () => {
    const mine = {
      ...base,
      lastName: 'King',
      metadata: [
        { key: 'plan', value: 'pro' },
        { key: 'seats', value: '3' },
      ],
    };
    const merged = reapplyChanges(mine, base, theirs);
    expect(merged.firstName).toBe('Augusta');
    expect(merged.lastName).toBe('King');
    expect(merged.metadata).toEqual([
      { key: 'plan', value: 'pro' },
      { key: 'seats', value: '4' },
    ]);
    expect(parseUpdateValues(merged, theirs)).toEqual({
      ok: true,
      input: { lastName: 'King', metadata: { vip: null } },
    });
  });
});

describe('the delete confirmation', () => {
  const schema = deletionConfirmationSchema('cus_AAAAAAAAAAAAAAAAAA');

  it('needs the exact id and a reason that is not blank', () => {
    expect(
      schema.safeParse({ confirmId: 'cus_AAAAAAAAAAAAAAAAAA', reason: ' asked ' }).data,
    ).toEqual({ confirmId: 'cus_AAAAAAAAAAAAAAAAAA', reason: 'asked' });
    const refused = schema.safeParse({ confirmId: 'cus_aaaaaaaaaaaaaaaaaa', reason: '   ' });
    expect(refused.error?.issues.map((issue) => issue.path.join('.'))).toEqual([
      'confirmId',
      'reason',
    ]);
  });
});
