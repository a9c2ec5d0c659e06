'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useQueryStates } from 'nuqs';
import { useCallback, useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import type { ConsoleCustomerPage } from '@/lib/customers/console-list';
import {
  customerListParsers,
  customerListUrlKeys,
  customerQueryKeys,
  serializeCustomerListParams,
} from '@/lib/customers/search-params';
import { createCsvRecordCounter } from '@/lib/exports/csv';

const numberFormat = new Intl.NumberFormat('en-US');
/** Often enough to look live, rarely enough not to re-render on every network chunk. */
const PROGRESS_INTERVAL_MS = 100;

type Progress = { rows: number; bytes: number };

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${numberFormat.format(Math.ceil(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function filenameOf(response: Response): string {
  const disposition = response.headers.get('content-disposition') ?? '';
  return /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'customers.csv';
}

function saveFile(parts: BlobPart[], filename: string) {
  const url = URL.createObjectURL(new Blob(parts, { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the URL after click() has returned.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Exports every customer matching the list's current filters (the URL's), not just the page on
 * screen. The download is read as a stream so the button can count rows as they arrive against
 * the list's total; the file is saved once complete. Cancel stops the server's queries too.
 */
export function ExportCsvButton() {
  const ids = useId();
  const [params] = useQueryStates(customerListParsers, { urlKeys: customerListUrlKeys });
  const queryClient = useQueryClient();
  const queryKey = customerQueryKeys.list(params);
  // Read the list's cached page without creating a query of its own: this button renders
  // before the list hydrates the cache, and an empty query there would blank the list.
  const subscribe = useCallback(
    (onChange: () => void) => queryClient.getQueryCache().subscribe(onChange),
    [queryClient],
  );
  const listed = useSyncExternalStore(
    subscribe,
    () => queryClient.getQueryData<ConsoleCustomerPage>(queryKey),
    () => undefined,
  );
  const total = listed?.totalCountExact ? listed.totalCount : null;

  const [progress, setProgress] = useState<Progress | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const abortRef = useRef<AbortController | null>(null);
  useEffect(() => () => abortRef.current?.abort(), []);

  async function exportCsv() {
    const controller = new AbortController();
    abortRef.current = controller;
    setProgress({ rows: 0, bytes: 0 });
    setAnnouncement('Exporting customers…');
    try {
      const response = await fetch(`/api/customers/export${serializeCustomerListParams(params)}`, {
        signal: controller.signal,
        headers: { Accept: 'text/csv' },
      });
      if (!response.ok || !response.body) {
        const problem = (await response.json().catch(() => null)) as { detail?: string } | null;
        throw new Error(problem?.detail ?? `The export could not start (${response.status}).`);
      }
      const reader = response.body.getReader();
      const counter = createCsvRecordCounter();
      const parts: BlobPart[] = [];
      let records = 0;
      let bytes = 0;
      let shownAt = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value);
        bytes += value.byteLength;
        records = counter.push(value);
        if (performance.now() - shownAt > PROGRESS_INTERVAL_MS) {
          shownAt = performance.now();
          setProgress({ rows: Math.max(records - 1, 0), bytes });
        }
      }
      const rows = Math.max(records - 1, 0);
      const filename = filenameOf(response);
      saveFile(parts, filename);
      const message = `Exported ${numberFormat.format(rows)} ${rows === 1 ? 'customer' : 'customers'} to ${filename}.`;
      setAnnouncement(message);
      toast.success(message);
    } catch (error) {
      if (controller.signal.aborted) {
        setAnnouncement('Export cancelled.');
        toast('Export cancelled.');
      } else {
        const message =
          error instanceof Error && error.message !== 'Failed to fetch'
            ? error.message
            : 'The export was interrupted. Try again.';
        setAnnouncement(message);
        toast.error(message);
      }
    } finally {
      abortRef.current = null;
      setProgress(null);
    }
  }

  const percent =
    progress && total
      ? Math.min(100, Math.round((progress.rows / Math.max(total, 1)) * 100))
      : null;

  return (
    <div className="flex items-center gap-2">
      <p role="status" className="sr-only">
        {announcement}
      </p>
      {progress ? (
        <>
          <div className="w-44 space-y-1">
            <div
              role="progressbar"
              aria-label="Export progress"
              aria-valuemin={0}
              aria-valuemax={total ?? undefined}
              aria-valuenow={total ? progress.rows : undefined}
              aria-valuetext={`${numberFormat.format(progress.rows)} rows`}
              className="h-1.5 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
            >
              <div
                className={`h-full bg-indigo-600 transition-[width] dark:bg-indigo-400 ${percent === null ? 'w-1/3 animate-pulse motion-reduce:animate-none' : ''}`}
                style={percent === null ? undefined : { width: `${percent}%` }}
              />
            </div>
            <p
              data-testid="export-progress"
              className="text-xs text-zinc-600 tabular-nums dark:text-zinc-400"
            >
              {numberFormat.format(progress.rows)}
              {total !== null ? ` of ${numberFormat.format(total)}` : ''} rows ·{' '}
              {formatBytes(progress.bytes)}
            </p>
          </div>
          <Button type="button" variant="secondary" onClick={() => abortRef.current?.abort()}>
            Cancel
          </Button>
        </>
      ) : (
        <>
          <Button
            type="button"
            variant="secondary"
            onClick={() => void exportCsv()}
            aria-describedby={`${ids}-scope`}
          >
            Export CSV
          </Button>
          <span id={`${ids}-scope`} className="sr-only">
            {listed
              ? `All ${numberFormat.format(listed.totalCount)}${listed.totalCountExact ? '' : '+'} customers matching the current filters`
              : 'All customers matching the current filters'}
            {listed?.contactMasked ? ', with email and phone masked' : ''}
          </span>
        </>
      )}
    </div>
  );
}
