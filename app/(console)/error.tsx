'use client';

import { useEffect } from 'react';
import { Button } from '@/components/ui/button';

/** Unexpected failures: a plain message, the id support can search the logs for, and a retry. */
export default function ConsoleError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div
      role="alert"
      className="mx-auto max-w-lg space-y-4 rounded-lg border border-red-200 bg-red-50 p-6 dark:border-red-900 dark:bg-red-950"
    >
      <h1 className="text-lg font-semibold">Something went wrong</h1>
      <p className="text-sm">
        The page could not be loaded. Try again; if it keeps failing, send support this reference:
      </p>
      <p className="font-mono text-sm">{error.digest ?? 'unavailable'}</p>
      <Button onClick={reset}>Try again</Button>
    </div>
  );
}
