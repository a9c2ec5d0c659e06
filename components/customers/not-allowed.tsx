import Link from 'next/link';

/** For a page the role cannot use: says so plainly (the server would refuse the action anyway). */
export function NotAllowed({
  title,
  message,
  backHref,
}: {
  title: string;
  message: string;
  backHref: string;
}) {
  return (
    <div
      role="alert"
      className="mx-auto max-w-lg space-y-3 rounded-lg border border-zinc-200 bg-white p-6 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <h1 className="text-lg font-semibold">{title}</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{message}</p>
      <Link
        href={backHref}
        className="inline-block text-sm text-indigo-700 underline underline-offset-2 dark:text-indigo-300"
      >
        Back
      </Link>
    </div>
  );
}
