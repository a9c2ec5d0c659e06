import Link from 'next/link';

export default function CustomerNotFound() {
  return (
    <div className="mx-auto max-w-lg space-y-3 py-16 text-center">
      <h1 className="text-2xl font-semibold">Customer not found</h1>
      <p className="text-zinc-600 dark:text-zinc-400">
        No customer has this id, or the customer has been deleted. Deleted customers keep only a
        tombstone for the audit trail and cannot be opened.
      </p>
      <Link
        href="/customers"
        className="inline-block text-indigo-700 underline underline-offset-2 dark:text-indigo-300"
      >
        Back to customers
      </Link>
    </div>
  );
}
