import type { Metadata } from 'next';
import Link from 'next/link';
import { AuditSearch } from '@/components/audit/audit-search';
import { AuditPager, AuditTable } from '@/components/audit/audit-table';
import { PageHeader } from '@/components/ui/page-header';
import { listAuditActors, searchAuditEvents, type AuditSearchPage } from '@/lib/audit/search';
import {
  hasActiveAuditFilters,
  loadAuditSearchParams,
  serializeAuditSearchParams,
} from '@/lib/audit/search-params';
import { requireStaffActor } from '@/lib/auth/session';
import { ValidationError, type FieldError } from '@/lib/errors';

export const metadata: Metadata = { title: 'Audit log' };

/** A hand-edited URL with a bad filter gets the problem named on the page, not an error page. */
async function orInvalid(
  work: Promise<AuditSearchPage>,
): Promise<{ page: AuditSearchPage } | { invalid: FieldError[] }> {
  try {
    return { page: await work };
  } catch (error) {
    if (error instanceof ValidationError) return { invalid: error.errors ?? [] };
    throw error;
  }
}

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireStaffActor();
  const state = await loadAuditSearchParams(searchParams);
  const [result, actors] = await Promise.all([
    orInvalid(searchAuditEvents(actor, state)),
    listAuditActors(actor),
  ]);
  const hrefAt = (cursor: string | null) =>
    cursor ? `/audit${serializeAuditSearchParams({ ...state, cursor })}` : null;

  return (
    <section>
      <PageHeader
        title="Audit log"
        description="Every change and every sensitive read, newest first. Entries can be neither edited nor deleted."
      />
      <AuditSearch actors={actors}>
        {'page' in result ? (
          <div className="space-y-4">
            <AuditTable events={result.page.events} filtersActive={hasActiveAuditFilters(state)} />
            {result.page.newerCursor || result.page.olderCursor ? (
              <AuditPager
                newerHref={hrefAt(result.page.newerCursor)}
                olderHref={hrefAt(result.page.olderCursor)}
              />
            ) : null}
          </div>
        ) : (
          <div
            role="alert"
            className="space-y-2 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
          >
            <p className="font-medium">These filters cannot be applied:</p>
            <ul className="list-disc pl-5">
              {result.invalid.map((problem) => (
                <li key={problem.field}>
                  <span className="font-mono">{problem.field}</span>: {problem.message}
                </li>
              ))}
            </ul>
            <Link href="/audit" className="inline-block font-medium underline">
              Show the whole log
            </Link>
          </div>
        )}
      </AuditSearch>
    </section>
  );
}
