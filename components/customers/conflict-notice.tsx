'use client';

import { useEffect, useRef } from 'react';
import { Button } from '@/components/ui/button';
import type { ConcurrentChange } from '@/lib/customers/form-values';

function Value({ text }: { text: string }) {
  if (text.trim() === '') {
    return <span className="text-zinc-600 italic dark:text-zinc-400">empty</span>;
  }
  return <span className="break-words">{text}</span>;
}

/**
 * Shown when a save was refused because someone else saved first: what they changed, next to
 * the value in this form, and the two ways on. Takes focus so the refusal is noticed.
 */
export function ConflictNotice({
  changes,
  busy,
  onReload,
  onReapply,
}: {
  changes: ConcurrentChange[];
  busy: boolean;
  onReload: () => void;
  onReapply: () => void;
}) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);

  return (
    <section
      ref={ref}
      tabIndex={-1}
      aria-labelledby="conflict-title"
      className="space-y-4 rounded-lg border border-amber-300 bg-amber-50 p-4 text-zinc-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-amber-500 dark:border-amber-800 dark:bg-amber-950 dark:text-zinc-100"
    >
      <div className="space-y-1">
        <h2 id="conflict-title" className="font-semibold">
          Someone else changed this customer
        </h2>
        <p className="text-sm">
          Your changes were not saved: the customer was updated after you opened this form.
          {changes.length > 0
            ? ' These fields changed:'
            : ' The change was to details this form does not show (such as the KYC status).'}
        </p>
      </div>
      {changes.length > 0 ? (
        <div className="overflow-x-auto">
          <table className="min-w-full text-left text-sm">
            <caption className="sr-only">Fields changed since you opened the form</caption>
            <thead>
              <tr className="border-b border-amber-300 dark:border-amber-800">
                <th scope="col" className="py-2 pr-4 font-medium">
                  Field
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  Their value
                </th>
                <th scope="col" className="py-2 font-medium">
                  Your value
                </th>
              </tr>
            </thead>
            <tbody>
              {changes.map((change) => (
                <tr
                  key={change.field}
                  className="border-b border-amber-200 last:border-0 dark:border-amber-900"
                >
                  <th scope="row" className="py-2 pr-4 align-top font-medium">
                    {change.label}
                  </th>
                  <td className="py-2 pr-4 align-top">
                    <Value text={change.theirs} />
                  </td>
                  <td className="py-2 align-top">
                    <Value text={change.yours} />
                    {change.youChangedIt ? (
                      <span className="mt-1 block text-xs text-amber-900 dark:text-amber-200">
                        You changed this too: re-applying replaces their value.
                      </span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" disabled={busy} onClick={onReload}>
          Reload their version
        </Button>
        <Button type="button" disabled={busy} onClick={onReapply}>
          {busy ? 'Saving…' : 'Re-apply my changes'}
        </Button>
      </div>
      <p className="text-sm">
        Reload discards your edits and shows the latest version. Re-apply keeps your edits on top of
        the latest version and saves again.
      </p>
    </section>
  );
}
