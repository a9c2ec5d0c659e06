import { Skeleton } from '@/components/ui/skeleton';

/** The list page's shape while it loads: header, filters, 20 rows and the pager. */
export default function Loading() {
  return (
    <section aria-busy="true" aria-label="Loading customers">
      <div className="mb-6 space-y-2">
        <Skeleton className="h-8 w-40" />
        <Skeleton className="h-5 w-96 max-w-full" />
      </div>
      <div className="space-y-4">
        <Skeleton className="h-[148px] w-full rounded-lg" />
        <div className="overflow-hidden rounded-lg border border-zinc-200 dark:border-zinc-800">
          <Skeleton className="h-10 w-full rounded-none" />
          <div className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {Array.from({ length: 20 }, (_, index) => (
              <div key={index} className="px-4 py-3">
                <Skeleton className="h-9 w-full" />
              </div>
            ))}
          </div>
        </div>
        <Skeleton className="h-9 w-full" />
      </div>
    </section>
  );
}
