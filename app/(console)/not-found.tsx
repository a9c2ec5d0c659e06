import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="mx-auto max-w-lg space-y-3 py-16 text-center">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="text-zinc-600 dark:text-zinc-400">
        This page or record does not exist, or it has been deleted.
      </p>
      <Link href="/customers" className="text-indigo-600 underline dark:text-indigo-400">
        Back to customers
      </Link>
    </div>
  );
}
