import 'server-only';
import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { db } from '@/db/client';
import { customers, wallets } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { authorize, can } from '@/lib/auth/permissions';
import { escapeLike } from './list-filters';
import { maskEmail, maskPhone } from './masking';
import { customerSummaryColumns, displayName } from './queries';
import { normalisePhone, type CustomerStatus, type CustomerType } from './schemas';

export const LOOKUP_LIMIT = 8;
/** Long enough for any email (254) and wallet address; anything longer cannot match. */
const TERM_MAX_LENGTH = 254;
/** The name substring search needs three characters to use the trigram index. */
const NAME_MIN_LENGTH = 3;

export type LookupMatch = 'id' | 'email' | 'phone' | 'externalId' | 'wallet' | 'name';

export type CustomerLookupResult = {
  id: string;
  displayName: string;
  type: CustomerType;
  status: CustomerStatus;
  matched: LookupMatch;
  /** Masked for callers who may not read contact details. */
  email: string | null;
  phone: string | null;
};

const ID_PREFIX = /^(cus|biz)_[A-Za-z0-9]{0,64}$/;
const EVM_ADDRESS = /^0x[0-9a-fA-F]{40}$/;
// Base58 (Solana, Tron): no 0, O, I or l; addresses are 32–44 characters.
const BASE58_ADDRESS = /^[1-9A-HJ-NP-Za-km-z]{32,44}$/;

const live = isNull(customers.deletedAt);

type Found = Awaited<ReturnType<typeof findWhere>>[number];

function findWhere(condition: SQL, ...orderBy: SQL[]) {
  return db
    .select(customerSummaryColumns)
    .from(customers)
    .where(and(live, condition))
    .orderBy(...(orderBy.length > 0 ? orderBy : [asc(customers.id)]))
    .limit(LOOKUP_LIMIT);
}

/**
 * The quick lookup: customers whose id, email, phone, external id or wallet address is the
 * term (an id may also be a prefix), then customers whose name contains it. The exact matches
 * each use a unique or btree index; only the name search needs the trigram index. At most 8,
 * exact matches first, each customer once, under the first way it matched.
 */
export async function lookupCustomers(
  actor: Actor,
  rawTerm: string,
): Promise<CustomerLookupResult[]> {
  authorize(actor, 'customers:read');
  const term = rawTerm.trim();
  // PostgreSQL text cannot hold U+0000; such a term matches nothing.
  if (term === '' || term.length > TERM_MAX_LENGTH || term.includes('\u0000')) return [];

  const phone = normalisePhone(term, { requirePlus: false });
  const address = EVM_ADDRESS.test(term)
    ? term.toLowerCase()
    : BASE58_ADDRESS.test(term)
      ? term
      : null;
  const lowered = term.toLowerCase();

  const searches: [LookupMatch, Promise<Found[]> | null][] = [
    [
      'id',
      ID_PREFIX.test(term) ? findWhere(sql`${customers.id} like ${`${escapeLike(term)}%`}`) : null,
    ],
    [
      'email',
      term.includes('@') ? findWhere(sql`lower(${customers.email}) = lower(${term})`) : null,
    ],
    ['phone', phone ? findWhere(eq(customers.phone, phone)) : null],
    ['externalId', findWhere(eq(customers.externalId, term))],
    [
      'wallet',
      address
        ? db
            .select(customerSummaryColumns)
            .from(wallets)
            .innerJoin(customers, eq(customers.id, wallets.customerId))
            .where(and(live, eq(wallets.address, address)))
            .limit(LOOKUP_LIMIT)
        : null,
    ],
    [
      'name',
      term.length >= NAME_MIN_LENGTH
        ? findWhere(
            // The first condition lets the trigram index find candidates; the second keeps
            // only those whose name (not email or phone) holds the term.
            sql`${customers.searchText} like ${`%${escapeLike(lowered)}%`}
              and lower(concat_ws(' ', ${customers.firstName}, ${customers.middleName}, ${customers.lastName}, ${customers.legalName})) like ${`%${escapeLike(lowered)}%`}`,
            asc(customers.sortName),
            asc(customers.id),
          )
        : null,
    ],
  ];

  const found = await Promise.all(searches.map(([, search]) => search ?? Promise.resolve([])));
  const showContact = can(actor, 'customers:read-pii');
  const results = new Map<string, CustomerLookupResult>();
  searches.forEach(([matched], index) => {
    for (const row of found[index] ?? []) {
      if (results.size >= LOOKUP_LIMIT || results.has(row.id)) continue;
      results.set(row.id, {
        id: row.id,
        displayName: displayName(row),
        type: row.type,
        status: row.status,
        matched,
        email: showContact ? row.email : maskEmail(row.email),
        phone: showContact ? row.phone : maskPhone(row.phone),
      });
    }
  });
  return [...results.values()];
}
