import { loadCustomerListParams } from '@/lib/customers/search-params';
import { exportCustomersCsv } from '@/lib/exports/customers-csv';
import { sessionDownloadRoute } from '@/lib/http/session-download-route';

/** Every customer matching the list's URL filters as a streamed CSV download. */
export const GET = sessionDownloadRoute(async ({ context, url }) => {
  const { filename, stream } = await exportCustomersCsv(context, loadCustomerListParams(url));
  return { body: stream, contentType: 'text/csv; charset=utf-8; header=present', filename };
});
