import type { DeletionReceipt } from '@/lib/deletion-requests/receipt';
import { DELETION_CHANNEL_LABELS } from '@/lib/deletion-requests/schemas';
import { CalendarDate, Instant } from './format';

/**
 * Printing shows the receipt alone: the console's header, toasts and the page's own buttons
 * are left out, and cards print without their dark-mode colours.
 */
const PRINT_CSS = `
@media print {
  body:has(#deletion-receipt) > div > header,
  body:has(#deletion-receipt) [data-sonner-toaster] { display: none !important; }
  html.dark body:has(#deletion-receipt) { background: white; color: black; }
  #deletion-receipt, #deletion-receipt * { background: transparent !important; color: black !important; border-color: #a1a1aa !important; box-shadow: none !important; }
  #deletion-receipt section { break-inside: avoid; }
}
`;

const FIELD_LABELS: Record<string, string> = {
  externalId: 'External id',
  firstName: 'First name',
  middleName: 'Middle name',
  lastName: 'Last name',
  legalName: 'Legal name',
  website: 'Website',
  email: 'Email',
  phone: 'Phone',
  birthDate: 'Birth date',
  country: 'Country',
  residentialAddress: 'Residential address',
  metadata: 'Metadata',
  kycProvider: 'KYC provider',
  kycShareTokenEncrypted: 'KYC share token',
  kycShareTokenReceivedAt: 'KYC share token date',
};

const sectionClass =
  'space-y-3 rounded-lg border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900';
const headingClass =
  'text-sm font-semibold tracking-wide text-zinc-700 uppercase dark:text-zinc-300';

/** The receipt as a document: summary, what was erased, what is kept and why. */
export function ReceiptView({ receipt }: { receipt: DeletionReceipt }) {
  const { tombstone, request, approval } = receipt;
  const summary: { label: string; value: React.ReactNode }[] = [
    { label: 'Request', value: <code>{receipt.deletionRequestId}</code> },
    {
      label: 'Customer (tombstone)',
      value: (
        <span>
          <code>{tombstone.customerId}</code> ·{' '}
          {tombstone.type === 'business' ? 'Business' : 'Individual'}, created{' '}
          <Instant value={tombstone.createdAt} />
        </span>
      ),
    },
    {
      label: 'Received',
      value: (
        <span>
          <CalendarDate value={request.receivedOn} /> by{' '}
          {DELETION_CHANNEL_LABELS[request.channel].toLowerCase()}
          {request.externalReference ? <> (reference {request.externalReference})</> : null}
        </span>
      ),
    },
    { label: 'Due', value: <CalendarDate value={request.dueOn} /> },
    {
      label: 'Filed by',
      value: (
        <span>
          {request.filedBy.name} (<code>{request.filedBy.id}</code>),{' '}
          <Instant value={request.filedAt} />
        </span>
      ),
    },
    {
      label: 'Approved by',
      value: (
        <span>
          {approval.approvedBy.name} (<code>{approval.approvedBy.id}</code>),{' '}
          <Instant value={approval.approvedAt} />
        </span>
      ),
    },
    {
      label: 'Erased',
      value: (
        <span>
          <Instant value={tombstone.deletedAt} />
          {approval.erasedBeforeReview
            ? ' — the customer had already been deleted before the review; the approval closed the request.'
            : ' — on this approval, in one transaction.'}
        </span>
      ),
    },
  ];

  return (
    <article id="deletion-receipt" aria-labelledby="receipt-heading" className="space-y-5">
      <style href="deletion-receipt-print" precedence="default">
        {PRINT_CSS}
      </style>
      <header className="space-y-1">
        <h1 id="receipt-heading" className="text-2xl font-semibold">
          Deletion receipt
        </h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Proof that a GDPR erasure request was carried out. It contains no erased personal data:
          ids, dates, counts and staff names only.
        </p>
      </header>

      <section aria-labelledby="receipt-summary" className={sectionClass}>
        <h2 id="receipt-summary" className={headingClass}>
          Summary
        </h2>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[11rem_1fr]">
          {summary.map((row) => (
            <div key={row.label} className="contents">
              <dt className="text-zinc-600 dark:text-zinc-400">{row.label}</dt>
              <dd className="min-w-0 break-words">{row.value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="receipt-erased" className={sectionClass}>
        <h2 id="receipt-erased" className={headingClass}>
          Erased
        </h2>
        <ul className="space-y-2 text-sm">
          {receipt.erased.map((item) => (
            <li key={item.what}>
              <span className="font-medium">{item.what}</span>
              {item.fields ? (
                <span className="text-zinc-700 dark:text-zinc-300">
                  : {item.fields.map((field) => FIELD_LABELS[field] ?? field).join(', ')}
                </span>
              ) : (
                <span className="text-zinc-700 dark:text-zinc-300 tabular-nums">
                  {' '}
                  ({item.count})
                </span>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="receipt-kept" className={sectionClass}>
        <h2 id="receipt-kept" className={headingClass}>
          Kept, and why
        </h2>
        <div className="overflow-x-auto">
          <table className="min-w-full text-sm">
            <thead>
              <tr className="border-b border-zinc-200 text-left dark:border-zinc-800">
                <th scope="col" className="py-2 pr-4 font-medium">
                  Record
                </th>
                <th scope="col" className="py-2 pr-4 text-right font-medium">
                  Count
                </th>
                <th scope="col" className="py-2 font-medium">
                  Why it is kept
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {receipt.kept.map((item) => (
                <tr key={item.what} className="align-top">
                  <th scope="row" className="py-2 pr-4 text-left font-medium">
                    {item.what}
                    {item.ids && item.ids.length > 0 ? (
                      <span className="mt-1 block space-y-0.5 font-normal">
                        {item.ids.map((id) => (
                          <code key={id} className="block text-xs text-zinc-700 dark:text-zinc-300">
                            {id}
                          </code>
                        ))}
                      </span>
                    ) : null}
                  </th>
                  <td className="py-2 pr-4 text-right tabular-nums">{item.count}</td>
                  <td className="py-2 text-zinc-700 dark:text-zinc-300">{item.why}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </article>
  );
}
