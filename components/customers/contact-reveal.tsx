'use client';

import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { revealCustomerContactAction } from '@/lib/customers/contact-actions';

type Contact = { email: string | null; phone: string | null };

/**
 * The customer's email and phone. For staff who see them masked, a "Reveal" button asks the
 * server for the full values; the server records every reveal in the audit trail.
 */
export function ContactReveal({
  customerId,
  contact,
  masked,
  canReveal,
}: {
  customerId: string;
  contact: Contact;
  masked: boolean;
  canReveal: boolean;
}) {
  const [shown, setShown] = useState<Contact>(contact);
  const [revealed, setRevealed] = useState(!masked);
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState('');

  function reveal() {
    startTransition(async () => {
      const result = await revealCustomerContactAction(customerId);
      if (!result.ok) {
        toast.error(result.message);
        setMessage(result.message);
        return;
      }
      setShown(result.data);
      setRevealed(true);
      setMessage('Email and phone revealed. The reveal was recorded in the audit trail.');
    });
  }

  return (
    <section aria-labelledby="contact-heading" className="space-y-3">
      <div className="flex min-h-8 items-center justify-between gap-2">
        <h3
          id="contact-heading"
          className="text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400"
        >
          Contact
        </h3>
        {masked && canReveal && !revealed ? (
          <Button
            type="button"
            variant="secondary"
            className="px-2 py-1 text-xs"
            onClick={reveal}
            disabled={pending}
            aria-describedby="contact-reveal-note"
          >
            {pending ? 'Revealing…' : 'Reveal'}
          </Button>
        ) : null}
      </div>
      <dl className="space-y-2 text-sm">
        <ContactRow label="Email" value={shown.email} copyable={revealed} />
        <ContactRow label="Phone" value={shown.phone} copyable={revealed} />
      </dl>
      {masked && canReveal ? (
        <p id="contact-reveal-note" className="text-xs text-zinc-600 dark:text-zinc-400">
          {revealed ? null : 'Masked for your role. Revealing is recorded in the audit trail.'}
          <span aria-live="polite">{message}</span>
        </p>
      ) : null}
    </section>
  );
}

function ContactRow({
  label,
  value,
  copyable,
}: {
  label: string;
  value: string | null;
  copyable: boolean;
}) {
  return (
    <div className="grid grid-cols-[6rem_1fr] items-baseline gap-2">
      <dt className="text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="flex min-w-0 flex-wrap items-center gap-1 break-all">
        {value ?? <span className="text-zinc-600 dark:text-zinc-400">—</span>}
        {value && copyable ? <CopyButton value={value} /> : null}
      </dd>
    </div>
  );
}
