import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { customers } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { NotFoundError } from '@/lib/errors';
import { displayName, getCustomer } from './queries';

const viewer: Actor = {
  kind: 'staff',
  id: 'u1',
  role: 'viewer',
  name: 'V',
  email: 'v@example.com',
};

describe('getCustomer', () => {
  it('reads a live customer with its USD total and treats a deleted one as missing', async () => {
    await db.insert(customers).values([
      { id: 'cus_live000000000001', type: 'individual', firstName: 'Ada', lastName: 'Lovelace' },
      {
        id: 'cus_gone000000000001',
        type: 'individual',
        createdAt: new Date('2026-03-01T00:00:00Z'),
        deletedAt: new Date(),
      },
    ]);
    const found = await getCustomer(viewer, 'cus_live000000000001');
    expect(found.customer.firstName).toBe('Ada');
    expect(found.usdTotal).toBe('0');
    await expect(getCustomer(viewer, 'cus_gone000000000001')).rejects.toThrow(NotFoundError);
    await expect(getCustomer(viewer, 'not-an-id')).rejects.toThrow(NotFoundError);
  });
});

describe('displayName', () => {
  it('names a business by its legal name and a person by first and last name', () => {
    expect(
      displayName({ type: 'business', legalName: 'Acme Ltd', firstName: null, lastName: null }),
    ).toBe('Acme Ltd');
    expect(
      displayName({ type: 'individual', legalName: null, firstName: 'Ada', lastName: 'Lovelace' }),
    ).toBe('Ada Lovelace');
    expect(
      displayName({ type: 'individual', legalName: null, firstName: null, lastName: null }),
    ).toBe('—');
  });
});
