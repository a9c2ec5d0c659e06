/**
 * The subject access download (GDPR Art. 15): a plain link, so the browser saves the file the
 * server sends as an attachment. Not a Next <Link>: a prefetch would run the audited export.
 */
export function DownloadCustomerDataLink({ customerId }: { customerId: string }) {
  return (
    <a
      href={`/api/customers/${customerId}/export`}
      download
      className="inline-flex items-center rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm font-medium text-zinc-900 hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800"
    >
      Download data (JSON)
    </a>
  );
}
