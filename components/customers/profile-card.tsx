import { Card } from '@/components/ui/card';
import { CopyButton } from '@/components/ui/copy-button';
import type { ConsoleCustomer } from '@/lib/customers/console-detail';
import { ContactReveal } from './contact-reveal';

const dateTime = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});
const date = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });
const regions = new Intl.DisplayNames(['en'], { type: 'region' });

type Row = { label: string; value: React.ReactNode; copy?: string | null };

/** Who the customer is: contact, identity, address and identifiers, in clear sections. */
export function ProfileCard({
  customer,
  contactMasked,
  canReveal,
}: {
  customer: ConsoleCustomer;
  contactMasked: boolean;
  canReveal: boolean;
}) {
  const business = customer.type === 'business';
  const identity: Row[] = business
    ? [
        { label: 'Legal name', value: customer.legalName },
        {
          label: 'Website',
          value: customer.website ? (
            <a
              href={customer.website}
              target="_blank"
              rel="noopener noreferrer"
              className="text-indigo-700 underline underline-offset-2 dark:text-indigo-300"
            >
              {customer.website}
            </a>
          ) : null,
        },
        { label: 'Country', value: countryName(customer.country) },
      ]
    : [
        { label: 'First name', value: customer.firstName },
        { label: 'Middle name', value: customer.middleName },
        { label: 'Last name', value: customer.lastName },
        {
          label: 'Birth date',
          value: customer.birthDate ? (
            <time dateTime={customer.birthDate}>
              {date.format(new Date(`${customer.birthDate}T00:00:00Z`))}
            </time>
          ) : null,
        },
        { label: 'Country', value: countryName(customer.country) },
      ];
  const identifiers: Row[] = [
    { label: 'Customer ID', value: <code>{customer.id}</code>, copy: customer.id },
    {
      label: 'External ID',
      value: customer.externalId ? <code>{customer.externalId}</code> : null,
      copy: customer.externalId,
    },
    { label: 'Type', value: business ? 'Business' : 'Individual' },
    { label: 'Created', value: <Timestamp value={customer.createdAt} /> },
    { label: 'Updated', value: <Timestamp value={customer.updatedAt} /> },
  ];
  const address = customer.residentialAddress;

  return (
    <Card title="Profile">
      <div className="grid gap-6 md:grid-cols-2">
        <ContactReveal
          customerId={customer.id}
          contact={{ email: customer.email, phone: customer.phone }}
          masked={contactMasked}
          canReveal={canReveal}
        />
        <ProfileSection title={business ? 'Business' : 'Person'} rows={identity} />
        <section aria-labelledby="address-heading" className="space-y-3">
          <SectionHeading id="address-heading">
            {business ? 'Address' : 'Residential address'}
          </SectionHeading>
          {address ? (
            <address className="text-sm not-italic">
              {address.streetLine1}
              <br />
              {address.streetLine2 ? (
                <>
                  {address.streetLine2}
                  <br />
                </>
              ) : null}
              {address.postalCode} {address.city}
              <br />
              {address.state}, {countryName(address.country)}
            </address>
          ) : (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">No address on file.</p>
          )}
        </section>
        <ProfileSection title="Identifiers" rows={identifiers} />
      </div>
    </Card>
  );
}

function SectionHeading({ id, children }: { id: string; children: React.ReactNode }) {
  return (
    <h3
      id={id}
      className="flex min-h-8 items-center text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400"
    >
      {children}
    </h3>
  );
}

function ProfileSection({ title, rows }: { title: string; rows: Row[] }) {
  const id = `profile-${title.toLowerCase().replaceAll(' ', '-')}`;
  return (
    <section aria-labelledby={id} className="space-y-3">
      <SectionHeading id={id}>{title}</SectionHeading>
      <dl className="space-y-2 text-sm">
        {rows.map((row) => (
          <div key={row.label} className="grid grid-cols-[6rem_1fr] items-baseline gap-2">
            <dt className="text-zinc-600 dark:text-zinc-400">{row.label}</dt>
            <dd className="flex min-w-0 flex-wrap items-center gap-1 break-all">
              {row.value ?? <span className="text-zinc-600 dark:text-zinc-400">—</span>}
              {row.copy ? <CopyButton value={row.copy} /> : null}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Timestamp({ value }: { value: Date }) {
  return <time dateTime={value.toISOString()}>{dateTime.format(value)} UTC</time>;
}

function countryName(code: string | null): string | null {
  if (!code) return null;
  let name: string | undefined;
  try {
    name = regions.of(code);
  } catch {
    // An unknown code stays as it is rather than breaking the page.
  }
  return name && name !== code ? `${name} (${code})` : code;
}
