import 'server-only';
import { sql } from 'drizzle-orm';
import { customerUsdTotalSql } from '@/lib/wallets/queries';

/**
 * The API's customer object, shaped by PostgreSQL from the selected `customers` row: the same
 * fields, values and order as `presentCustomer` (a test holds the two equal for every kind of
 * customer). The hot reads select this one text column instead of ~25 columns that Node would
 * parse, map, reshape and serialise again; the response body is the text as it comes.
 *
 * Column names are written out with their table because Drizzle drops the table name from
 * columns in a single-table select, and the USD total's subquery has an `id` of its own. The
 * total is computed once in a fenced subquery (`offset 0`), so `usd_half_even` inlines over a
 * plain value instead of re-running the subquery for each use of its argument.
 */
export const customerJsonSql = sql<string>`json_build_object(
  'id', "customers"."id",
  'type', "customers"."type",
  'status', "customers"."status",
  'externalId', "customers"."external_id",
  'firstName', "customers"."first_name",
  'middleName', "customers"."middle_name",
  'lastName', "customers"."last_name",
  'legalName', "customers"."legal_name",
  'website', "customers"."website",
  'email', "customers"."email",
  'phone', "customers"."phone",
  'birthDate', "customers"."birth_date",
  'country', "customers"."country",
  'residentialAddress', jsonb_build_object('streetLine2', null) || "customers"."residential_address",
  'metadata', "customers"."metadata",
  'kyc', json_build_object(
    'provider', "customers"."kyc_provider",
    'shareTokenReceivedAt', ${isoTimestamp(sql`"customers"."kyc_share_token_received_at"`)}
  ),
  'balance', json_build_object('amount', (
    select usd_half_even(total.usd) from (select ${customerUsdTotalSql} as usd offset 0) total
  ), 'currency', 'USD'),
  'createdAt', ${isoTimestamp(sql`"customers"."created_at"`)},
  'updatedAt', ${isoTimestamp(sql`"customers"."updated_at"`)}
)::text`;

/** `Date.prototype.toISOString()`'s format: UTC, milliseconds, `Z`. */
function isoTimestamp(column: ReturnType<typeof sql>) {
  return sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** The ETag of the selected row, as `customerEtag` makes it. */
export const customerEtagSql = sql<string>`'"' || "customers"."id" || '.v' || "customers"."version" || '"'`;
