import { createLoader, createParser, createSerializer, type inferParserType } from 'nuqs/server';

/**
 * The audit log's state, as the URL holds it: one parser set shared by the server page and
 * the filters (`useQueryStates`). Values pass through as text and the domain validates them,
 * so a bad hand-edited value is reported, not silently dropped; a blank one means "no filter".
 */
const parseAsFilterText = createParser({
  parse: (value) => (value.trim() === '' ? null : value),
  serialize: (value: string) => value,
});

export const auditSearchParsers = {
  actor: parseAsFilterText,
  action: parseAsFilterText,
  customerId: parseAsFilterText,
  from: parseAsFilterText,
  to: parseAsFilterText,
  cursor: parseAsFilterText,
  /** Events per page (default 50): not offered in the filters, kept across them. */
  limit: parseAsFilterText,
};

export const auditSearchUrlKeys = { customerId: 'customer' } as const;

/** Unset values are null. */
export type AuditSearchUrlState = inferParserType<typeof auditSearchParsers>;

export const loadAuditSearchParams = createLoader(auditSearchParsers, {
  urlKeys: auditSearchUrlKeys,
});

/** The query string of an audit log state (unset values left out), e.g. "?action=kyc.decided". */
export const serializeAuditSearchParams = createSerializer(auditSearchParsers, {
  urlKeys: auditSearchUrlKeys,
});

/** What "Clear filters" resets: every filter and the position in the log, not the page size. */
export const CLEARED_AUDIT_FILTERS = {
  actor: null,
  action: null,
  customerId: null,
  from: null,
  to: null,
  cursor: null,
} as const;

export function hasActiveAuditFilters(state: AuditSearchUrlState): boolean {
  return [state.actor, state.action, state.customerId, state.from, state.to].some(
    (value) => value !== null,
  );
}
