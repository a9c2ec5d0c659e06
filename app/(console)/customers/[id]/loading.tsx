import { Skeleton } from '@/components/ui/skeleton';

/** The detail page's final layout in grey, so nothing jumps when the customer arrives. */
export default function CustomerLoading() {
  return (
    <div className="space-y-6" aria-busy="true" aria-label="Loading customer">
      <Skeleton className="h-5 w-24" />
      <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-2">
          <Skeleton className="h-8 w-64" />
          <Skeleton className="h-5 w-80" />
        </div>
        <div className="flex gap-2">
          <Skeleton className="h-9 w-16" />
          <Skeleton className="h-9 w-20" />
        </div>
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <CardSkeleton bodyClassName="h-64" />
          <CardSkeleton bodyClassName="h-80" />
          <CardSkeleton bodyClassName="h-48" />
        </div>
        <div className="space-y-6">
          <CardSkeleton bodyClassName="h-96" />
          <CardSkeleton bodyClassName="h-24" />
        </div>
      </div>
    </div>
  );
}

function CardSkeleton({ bodyClassName }: { bodyClassName: string }) {
  return (
    <div className="rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <div className="border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
        <Skeleton className="h-5 w-28" />
      </div>
      <div className="p-4">
        <Skeleton className={`w-full ${bodyClassName}`} />
      </div>
    </div>
  );
}
