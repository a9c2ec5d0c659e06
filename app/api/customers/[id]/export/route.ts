import { exportCustomerData, subjectAccessFilename } from '@/lib/exports/subject-access';
import { sessionDownloadRoute } from '@/lib/http/session-download-route';

/** A subject access export (GDPR Art. 15) of one customer as a JSON download; admins only. */
export const GET = sessionDownloadRoute<{ id: string }>(async ({ context, params }) => {
  const data = await exportCustomerData(context, params.id);
  return {
    body: `${JSON.stringify(data, null, 2)}\n`,
    contentType: 'application/json; charset=utf-8',
    filename: subjectAccessFilename(data.customer.id),
  };
});
