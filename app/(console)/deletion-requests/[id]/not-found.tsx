import Link from 'next/link';

export default function DeletionRequestNotFound() {
  return (
    <div className="mx-auto max-w-lg space-y-3 py-16 text-center">
      <h1 className="text-2xl font-semibold">Deletion request not found</h1>
      <p className="text-zinc-600 dark:text-zinc-400">
        No deletion request has this id, or it was not completed and so has no receipt.
      </p>
      <Link
        href="/deletion-requests"
        className="inline-block text-indigo-700 underline underline-offset-2 dark:text-indigo-300"
      >
        Back to deletion requests
      </Link>
    </div>
  );
}
