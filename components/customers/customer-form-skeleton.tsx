import { Skeleton } from '@/components/ui/skeleton';

/** The customer form's layout in grey, for the new and edit pages while they load. */
export function CustomerFormSkeleton({ label }: { label: string }) {
  return (
    <div aria-busy="true">
      <p role="status" className="sr-only">
        {label}
      </p>
      <div className="mb-6 space-y-2">
        <Skeleton className="h-8 w-64" />
        <Skeleton className="h-5 w-96 max-w-full" />
      </div>
      <div className="max-w-3xl space-y-6">
        {['h-10', 'h-36', 'h-36', 'h-6', 'h-24'].map((body, index) => (
          <div
            key={index}
            className="rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
          >
            <div className="border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
              <Skeleton className="h-5 w-40" />
            </div>
            <div className="p-4">
              <Skeleton className={`w-full ${body}`} />
            </div>
          </div>
        ))}
        <div className="flex gap-3">
          <Skeleton className="h-9 w-36" />
          <Skeleton className="h-9 w-20" />
        </div>
      </div>
    </div>
  );
}
