import { Skeleton } from '@/components/ui/skeleton';

/** The queue's shape while it loads: header, tabs and a table of rows. */
export default function Loading() {
  return (
    <section aria-busy="true" aria-label="Loading deletion requests" className="space-y-4">
      <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-2">
          <Skeleton className="h-8 w-56" />
          <Skeleton className="h-5 w-[36rem] max-w-full" />
        </div>
        <Skeleton className="h-9 w-32" />
      </div>
      <div className="flex gap-4 border-b border-zinc-200 pb-2 dark:border-zinc-800">
        <Skeleton className="h-5 w-16" />
        <Skeleton className="h-5 w-16" />
      </div>
      <div className="overflow-hidden rounded-lg border border-zinc-200 dark:border-zinc-800">
        <Skeleton className="h-8 w-full rounded-none" />
        <Skeleton className="h-10 w-full rounded-none" />
        <div className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {Array.from({ length: 8 }, (_, index) => (
            <div key={index} className="px-4 py-3">
              <Skeleton className="h-11 w-full" />
            </div>
          ))}
        </div>
      </div>
    </section>
  );
}
