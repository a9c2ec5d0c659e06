import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { zodIssuesToFieldErrors } from '@/lib/customers/validation-errors';

function fieldErrorsOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected a validation failure');
  return zodIssuesToFieldErrors(result.error);
}

describe('zodIssuesToFieldErrors', () => {
  it('names nested fields by dotted path', () => {
    const schema = z.object({
      residentialAddress: z.object({ postalCode: z.string().min(1, 'Must not be empty') }),
    });
    expect(fieldErrorsOf(schema, { residentialAddress: { postalCode: '' } })).toEqual([
      { field: 'residentialAddress.postalCode', message: 'Must not be empty' },
    ]);
  });

  it('joins array indexes and record keys with dots too', () => {
    const schema = z.object({
      items: z.array(z.string({ error: 'Must be a string' })),
      metadata: z.record(z.string(), z.string({ error: 'Must be a string' })),
    });
    expect(fieldErrorsOf(schema, { items: ['a', 1], metadata: { someKey: 2 } })).toEqual([
      { field: 'items.1', message: 'Must be a string' },
      { field: 'metadata.someKey', message: 'Must be a string' },
    ]);
  });

  it('gives one "Unknown field" entry per unknown key, with its full path', () => {
    const schema = z.strictObject({ residentialAddress: z.strictObject({ city: z.string() }) });
    expect(
      fieldErrorsOf(schema, {
        id: 'cus_1',
        createdAt: 'x',
        residentialAddress: { city: 'Paris', zip: '1' },
      }),
    ).toEqual(
      expect.arrayContaining([
        { field: 'id', message: 'Unknown field' },
        { field: 'createdAt', message: 'Unknown field' },
        { field: 'residentialAddress.zip', message: 'Unknown field' },
      ]),
    );
  });

  it("uses the key schema's message for an invalid record key", () => {
    const schema = z.object({
      metadata: z.record(z.string().max(3, { error: 'Key too long' }), z.number()),
    });
    expect(fieldErrorsOf(schema, { metadata: { toolong: 1 } })).toEqual([
      { field: 'metadata.toolong', message: 'Key too long' },
    ]);
  });

  it('reports a field once per distinct message', () => {
    const schema = z.object({
      email: z
        .string()
        .refine(() => false, 'Must be a valid email address')
        .refine(() => false, 'Must be a valid email address'),
    });
    expect(fieldErrorsOf(schema, { email: 'x' })).toEqual([
      { field: 'email', message: 'Must be a valid email address' },
    ]);
  });

  it('keeps different messages for the same field', () => {
    const schema = z.object({
      email: z.email({ error: 'Must be a valid email address' }).max(5, { error: 'Too long' }),
    });
    expect(fieldErrorsOf(schema, { email: 'not-an-email' })).toEqual([
      { field: 'email', message: 'Must be a valid email address' },
      { field: 'email', message: 'Too long' },
    ]);
  });

  it('uses an empty field name for an error about the whole input', () => {
    expect(fieldErrorsOf(z.object({}), 'text')).toEqual([
      { field: '', message: expect.any(String) },
    ]);
  });
});
