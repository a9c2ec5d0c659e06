'use client';

import { useId } from 'react';

const numberFormat = new Intl.NumberFormat('en-US');

/** Which page numbers to offer: the first, the last, and the neighbours of the current one. */
export function pageItems(page: number, pageCount: number): (number | 'gap')[] {
  const wanted = new Set([1, pageCount, page - 1, page, page + 1]);
  if (page <= 4) [2, 3, 4, 5].forEach((p) => wanted.add(p));
  if (page >= pageCount - 3) [1, 2, 3, 4].forEach((back) => wanted.add(pageCount - back));
  const pages = [...wanted].filter((p) => p >= 1 && p <= pageCount).sort((a, b) => a - b);
  const items: (number | 'gap')[] = [];
  pages.forEach((p, index) => {
    const previous = pages[index - 1];
    if (previous !== undefined && p - previous > 1) items.push('gap');
    items.push(p);
  });
  return items;
}

/** The rows on screen: where they start in the whole list, how many, and of how many. */
export type ShownRange = {
  /** 1-based position of the first row shown. */
  firstRow: number;
  rowCount: number;
  totalCount: number;
  /** False when totalCount is only a lower bound. */
  totalCountExact: boolean;
  /** The server found more rows after these. */
  hasMore: boolean;
};

/** "41–60 of 1,043", or "of 10,000+" when the total is a lower bound. */
export function rangeLabel({
  firstRow,
  rowCount,
  totalCount,
  totalCountExact,
}: ShownRange): string {
  const total = `${numberFormat.format(totalCount)}${totalCountExact ? '' : '+'}`;
  if (rowCount === 0) return `0 of ${total}`;
  return `${numberFormat.format(firstRow)}–${numberFormat.format(firstRow + rowCount - 1)} of ${total}`;
}

const buttonClass =
  'inline-flex h-9 min-w-9 items-center justify-center rounded-md px-2.5 text-sm font-medium text-zinc-700 hover:bg-zinc-100 disabled:cursor-not-allowed disabled:text-zinc-400 disabled:hover:bg-transparent dark:text-zinc-300 dark:hover:bg-zinc-800 dark:disabled:text-zinc-600';

/**
 * Numbered pages with Previous/Next, the range shown, and a page size choice. `page` and
 * `pageSize` are what was asked for (marked at once, so a click shows while the rows load);
 * `shown` describes the rows on screen. With a total that is only a lower bound, Next stays
 * available while the server says there is more.
 */
export function Pagination({
  page,
  pageSize,
  pageCount,
  pageSizes,
  shown,
  onPageChange,
  onPageSizeChange,
}: {
  page: number;
  pageSize: number;
  pageCount: number;
  pageSizes: readonly number[];
  shown: ShownRange;
  onPageChange: (page: number) => void;
  onPageSizeChange: (pageSize: number) => void;
}) {
  const sizeId = useId();
  const lastShownPage = Math.ceil((shown.firstRow + shown.rowCount - 1) / pageSize);
  const canGoBack = page > 1;
  const canGoOn = page < pageCount || (page === lastShownPage && shown.hasMore);
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <div className="flex items-center gap-3">
        <p className="text-zinc-600 tabular-nums dark:text-zinc-400" aria-live="polite">
          {rangeLabel(shown)}
        </p>
        <div className="flex items-center gap-2">
          <label htmlFor={sizeId} className="text-zinc-600 dark:text-zinc-400">
            Rows per page
          </label>
          <select
            id={sizeId}
            value={pageSize}
            onChange={(event) => onPageSizeChange(Number(event.target.value))}
            className="h-9 rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
          >
            {pageSizes.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </div>
      </div>
      <nav aria-label="Pagination">
        <ul className="flex items-center gap-1">
          <li>
            <button
              type="button"
              className={buttonClass}
              disabled={!canGoBack}
              onClick={() => onPageChange(Math.min(page - 1, pageCount))}
            >
              <span aria-hidden="true">‹</span> Previous
            </button>
          </li>
          {pageItems(page, pageCount).map((item, index) =>
            item === 'gap' ? (
              <li
                key={`gap-${index}`}
                aria-hidden="true"
                className="hidden px-1 text-zinc-600 sm:block dark:text-zinc-400"
              >
                …
              </li>
            ) : (
              <li key={item} className={item === page ? '' : 'hidden sm:block'}>
                <button
                  type="button"
                  className={`${buttonClass} tabular-nums ${
                    item === page
                      ? 'bg-zinc-900 text-white hover:bg-zinc-900 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-100'
                      : ''
                  }`}
                  aria-label={`Page ${item}`}
                  aria-current={item === page ? 'page' : undefined}
                  onClick={() => onPageChange(item)}
                >
                  {numberFormat.format(item)}
                </button>
              </li>
            ),
          )}
          {!shown.totalCountExact ? (
            <li
              aria-hidden="true"
              className="hidden px-1 text-zinc-600 sm:block dark:text-zinc-400"
            >
              …
            </li>
          ) : null}
          <li>
            <button
              type="button"
              className={buttonClass}
              disabled={!canGoOn}
              onClick={() => onPageChange(page + 1)}
            >
              Next <span aria-hidden="true">›</span>
            </button>
          </li>
        </ul>
      </nav>
    </div>
  );
}
