import { Skeleton } from '@/components/ui/skeleton';

/** The audit log's shape while it loads: header, filters, a page of events and the pager. */
export default function Loading() {
  return (
    <section aria-busy="true" aria-label="Loading the audit log">
      <div className="mb-6 space-y-2">
        <Skeleton className="h-8 w-36" />
        <Skeleton className="h-5 w-[32rem] max-w-full" />
      </div>
      <div className="space-y-4">
        <Skeleton className="h-[260px] w-full rounded-lg md:h-[177px] lg:h-[110px]" />
        <div className="overflow-hidden rounded-lg border border-zinc-200 dark:border-zinc-800">
          <Skeleton className="h-10 w-full rounded-none" />
          <div className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {Array.from({ length: 12 }, (_, index) => (
              <div key={index} className="px-4 py-3">
                <Skeleton className="h-[3.75rem] w-full" />
              </div>
            ))}
          </div>
        </div>
        <div className="flex justify-end gap-2">
          <Skeleton className="h-9 w-24" />
          <Skeleton className="h-9 w-24" />
        </div>
      </div>
    </section>
  );
}
