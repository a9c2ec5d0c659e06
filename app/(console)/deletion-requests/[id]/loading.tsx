import { Skeleton } from '@/components/ui/skeleton';

/** The request page's layout in grey: details and impact on the left, the review on the right. */
export default function DeletionRequestLoading() {
  return (
    <div className="space-y-6" aria-busy="true" aria-label="Loading deletion request">
      <Skeleton className="h-5 w-40" />
      <div className="mb-6 space-y-2">
        <Skeleton className="h-8 w-56" />
        <Skeleton className="h-5 w-72" />
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <CardSkeleton bodyClassName="h-64" />
          <CardSkeleton bodyClassName="h-32" />
        </div>
        <CardSkeleton bodyClassName="h-64" />
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
