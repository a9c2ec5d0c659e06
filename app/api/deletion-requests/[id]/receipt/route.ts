import { sessionRoute } from '@/lib/http/session-route';
import { getDeletionReceipt } from '@/lib/deletion-requests/queries';

const receipt = sessionRoute<{ id: string }>(({ actor, params, requestId }) =>
  getDeletionReceipt({ actor, requestId, source: 'dashboard' }, params.id, 'download'),
);

/** The receipt as a JSON file download (audited as every receipt read). */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  const response = await receipt(request, context);
  if (response.ok) {
    const { id } = await context.params;
    // The id was checked by the domain (dr_ + base62), so it is safe in a header.
    response.headers.set(
      'Content-Disposition',
      `attachment; filename="deletion-receipt-${id}.json"`,
    );
  }
  return response;
}
