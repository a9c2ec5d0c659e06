'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm, useWatch, type Control, type FieldPath, type Resolver } from 'react-hook-form';
import { toNestErrors } from '@hookform/resolvers';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { TextField } from '@/components/ui/field';
import { SelectField } from '@/components/ui/select';
import { createCustomerAction, updateCustomerAction } from '@/lib/customers/actions';
import { ISO_COUNTRY_CODES } from '@/lib/customers/countries';
import {
  describeConcurrentChanges,
  emptyFormValues,
  formValuesFrom,
  parseCreateValues,
  parseUpdateValues,
  reapplyChanges,
  serverErrorsToForm,
  type CustomerFormSource,
  type CustomerFormValues,
  type FormErrors,
} from '@/lib/customers/form-values';
import { ConflictNotice } from './conflict-notice';
import { MetadataEditor } from './metadata-editor';

type Props =
  | { mode: 'create' }
  | { mode: 'edit'; customerId: string; customer: CustomerFormSource; etag: string };

/** The version an edit applies to: its values (what "changed" is measured against) and ETag. */
type Base = { values: CustomerFormValues; etag: string };
type Conflict = { base: CustomerFormValues; theirs: CustomerFormValues; etag: string };
type Failure = { message: string; fieldErrors?: Record<string, string> };

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
const COUNTRY_OPTIONS = ISO_COUNTRY_CODES.map((code) => ({
  code,
  name: regionNames.of(code) ?? code,
})).sort((a, b) => a.name.localeCompare(b.name, 'en'));

function CountryOptions() {
  return (
    <>
      <option value="">Not given</option>
      {COUNTRY_OPTIONS.map(({ code, name }) => (
        // Names come from the runtime's ICU data, which may word a few differently than the server's.
        <option key={code} value={code} suppressHydrationWarning>
          {name} ({code})
        </option>
      ))}
    </>
  );
}

/** The conflict notice, kept up to date with the form as the user goes on typing. */
function LiveConflictNotice({
  control,
  conflict,
  ...actions
}: {
  control: Control<CustomerFormValues>;
  conflict: Conflict;
  busy: boolean;
  onReload: () => void;
  onReapply: () => void;
}) {
  // Every input has a default value, so the watched form is complete.
  const mine = useWatch({ control }) as CustomerFormValues;
  return (
    <ConflictNotice
      changes={describeConcurrentChanges(conflict.base, conflict.theirs, mine)}
      {...actions}
    />
  );
}

/** Form paths come from form-values, which only names inputs this form registers. */
const asPath = (path: string) => path as FieldPath<CustomerFormValues>;

/**
 * Creates a customer, or edits one. Validation is the API's: the payload these values make is
 * checked with the API's zod schema (see lib/customers/form-values.ts) before it is sent, and
 * the server's own refusals (an email already taken) land on the same inputs.
 */
export function CustomerForm(props: Props) {
  const router = useRouter();
  const [initial] = useState(() =>
    props.mode === 'edit' ? formValuesFrom(props.customer) : emptyFormValues(),
  );
  // Replaced by the latest version after a reload or a re-apply.
  const [base, setBase] = useState<Base | null>(
    props.mode === 'edit' ? { values: initial, etag: props.etag } : null,
  );
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  // useForm takes its options afresh on every render, so this sees the current base.
  const resolver: Resolver<CustomerFormValues> = (values, _context, options) => {
    const result = base ? parseUpdateValues(values, base.values) : parseCreateValues(values);
    if (result.ok) return { values, errors: {} };
    const flat = Object.fromEntries(
      Object.entries(result.errors).map(([path, message]) => [path, { type: 'schema', message }]),
    );
    return { values: {}, errors: toNestErrors(flat, options) };
  };

  const {
    control,
    register,
    handleSubmit,
    setError,
    getValues,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<CustomerFormValues>({ resolver, defaultValues: initial });
  const [type, hasAddress] = useWatch({ control, name: ['type', 'hasAddress'] });

  const detailHref = props.mode === 'edit' ? `/customers/${props.customerId}` : null;

  function applyErrors(fieldErrors: FormErrors) {
    Object.entries(fieldErrors).forEach(([path, message], index) => {
      setError(asPath(path), { type: 'server', message }, { shouldFocus: index === 0 });
    });
  }

  function showFailure(failure: Failure, values: CustomerFormValues) {
    const { placed, unplaced } = serverErrorsToForm(failure.fieldErrors ?? {}, values);
    applyErrors(placed);
    setFormMessage([failure.message, ...unplaced].join(' '));
    toast.error(failure.message);
  }

  function leaveFor(href: string, message: string) {
    // Stays pending while the next page loads, so a second click cannot send it again.
    setPending(true);
    toast.success(message);
    router.push(href);
  }

  async function create(values: CustomerFormValues) {
    const parsed = parseCreateValues(values);
    if (!parsed.ok) return applyErrors(parsed.errors);
    const result = await createCustomerAction(parsed.input);
    if (result.ok) return leaveFor(`/customers/${result.data.id}`, 'Customer created');
    showFailure(result, values);
  }

  async function save(customerId: string, values: CustomerFormValues, onto: Base) {
    const parsed = parseUpdateValues(values, onto.values);
    if (!parsed.ok) return applyErrors(parsed.errors);
    if (Object.keys(parsed.input).length === 0) {
      setFormMessage('Nothing has changed yet.');
      return;
    }
    const result = await updateCustomerAction(customerId, parsed.input, onto.etag);
    if (result.ok) return leaveFor(`/customers/${customerId}`, 'Customer saved');
    if (result.code === 'version_mismatch' && 'current' in result) {
      setConflict({ base: onto.values, theirs: formValuesFrom(result.current), etag: result.etag });
      setFormMessage('Not saved: someone else changed this customer since you opened the form.');
      return;
    }
    showFailure(result, values);
  }

  async function onSubmit(values: CustomerFormValues) {
    setFormMessage(null);
    if (props.mode === 'create') return create(values);
    if (base) await save(props.customerId, values, base);
  }

  function reloadTheirs() {
    if (!conflict) return;
    setBase({ values: conflict.theirs, etag: conflict.etag });
    reset(conflict.theirs);
    setConflict(null);
    setFormMessage('Showing the latest version; your edits were discarded.');
  }

  async function reapplyMine() {
    if (!conflict || props.mode !== 'edit') return;
    const merged = reapplyChanges(getValues(), conflict.base, conflict.theirs);
    const latest = { values: conflict.theirs, etag: conflict.etag };
    setBase(latest);
    // The latest version becomes the form's default, with this form's edits on top of it.
    reset(conflict.theirs);
    reset(merged, { keepDefaultValues: true });
    setConflict(null);
    setFormMessage(null);
    setPending(true);
    try {
      await save(props.customerId, merged, latest);
    } finally {
      setPending(false);
    }
  }

  const busy = isSubmitting || pending;
  const rootError = errors.root?.message;

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="max-w-3xl space-y-6">
      {conflict ? (
        <LiveConflictNotice
          control={control}
          conflict={conflict}
          busy={busy}
          onReload={reloadTheirs}
          onReapply={reapplyMine}
        />
      ) : null}

      <Card title="Customer type">
        {props.mode === 'create' ? (
          <fieldset className="space-y-2">
            <legend className="sr-only">Customer type</legend>
            <div className="flex flex-wrap gap-x-6 gap-y-2">
              {(['individual', 'business'] as const).map((option) => (
                <label key={option} className="flex items-center gap-2 text-sm">
                  <input
                    type="radio"
                    value={option}
                    className="h-4 w-4 accent-indigo-600"
                    {...register('type')}
                  />
                  {option === 'individual' ? 'Individual' : 'Business'}
                </label>
              ))}
            </div>
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              The type cannot change after the customer is created.
            </p>
          </fieldset>
        ) : (
          <p className="text-sm">
            <span className="font-medium capitalize">{type}</span>
            <span className="text-zinc-600 dark:text-zinc-400">
              {' '}
              · the type cannot change after creation.
            </span>
          </p>
        )}
      </Card>

      <Card title={type === 'business' ? 'Business' : 'Person'}>
        {type === 'business' ? (
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            <TextField
              id="customer-legalName"
              label="Legal name"
              aria-required
              autoComplete="organization"
              error={errors.legalName?.message}
              {...register('legalName')}
            />
            <TextField
              id="customer-website"
              label="Website"
              type="url"
              aria-required
              placeholder="https://example.com"
              autoComplete="url"
              error={errors.website?.message}
              {...register('website')}
            />
          </div>
        ) : (
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
            <TextField
              id="customer-firstName"
              label="First name"
              autoComplete="off"
              error={errors.firstName?.message}
              {...register('firstName')}
            />
            <TextField
              id="customer-middleName"
              label="Middle name"
              autoComplete="off"
              error={errors.middleName?.message}
              {...register('middleName')}
            />
            <TextField
              id="customer-lastName"
              label="Last name"
              autoComplete="off"
              error={errors.lastName?.message}
              {...register('lastName')}
            />
            <TextField
              id="customer-birthDate"
              label="Birth date"
              type="date"
              error={errors.birthDate?.message}
              {...register('birthDate')}
            />
          </div>
        )}
      </Card>

      <Card title="Contact and references">
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <TextField
            id="customer-email"
            label="Email"
            type="email"
            autoComplete="off"
            spellCheck={false}
            error={errors.email?.message}
            {...register('email')}
          />
          <TextField
            id="customer-phone"
            label="Phone"
            type="tel"
            placeholder="+14155550100"
            autoComplete="off"
            error={errors.phone?.message}
            {...register('phone')}
          />
          <SelectField
            id="customer-country"
            label="Country"
            error={errors.country?.message}
            {...register('country')}
          >
            <CountryOptions />
          </SelectField>
          <TextField
            id="customer-externalId"
            label="External id"
            autoComplete="off"
            spellCheck={false}
            error={errors.externalId?.message}
            {...register('externalId')}
          />
        </div>
      </Card>

      <Card title="Residential address">
        <div className="space-y-4">
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              className="h-4 w-4 accent-indigo-600"
              {...register('hasAddress')}
            />
            {props.mode === 'create' ? 'Add a residential address' : 'Has a residential address'}
          </label>
          {hasAddress ? (
            <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
              <TextField
                id="address-streetLine1"
                label="Street line 1"
                autoComplete="off"
                error={errors.address?.streetLine1?.message}
                {...register('address.streetLine1')}
              />
              <TextField
                id="address-streetLine2"
                label="Street line 2 (optional)"
                autoComplete="off"
                error={errors.address?.streetLine2?.message}
                {...register('address.streetLine2')}
              />
              <TextField
                id="address-city"
                label="City"
                autoComplete="off"
                error={errors.address?.city?.message}
                {...register('address.city')}
              />
              <TextField
                id="address-state"
                label="State or region"
                autoComplete="off"
                error={errors.address?.state?.message}
                {...register('address.state')}
              />
              <TextField
                id="address-postalCode"
                label="Postal code"
                autoComplete="off"
                error={errors.address?.postalCode?.message}
                {...register('address.postalCode')}
              />
              <SelectField
                id="address-country"
                label="Address country"
                error={errors.address?.country?.message}
                {...register('address.country')}
              >
                <CountryOptions />
              </SelectField>
            </div>
          ) : null}
        </div>
      </Card>

      <Card title="Metadata">
        <MetadataEditor control={control} register={register} errors={errors.metadata} />
      </Card>

      <div role="status" aria-live="polite">
        {formMessage || rootError ? (
          <p className="rounded-md bg-zinc-100 px-3 py-2 text-sm text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100">
            {formMessage ?? rootError}
          </p>
        ) : null}
      </div>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={busy || conflict !== null}>
          {busy ? 'Saving…' : props.mode === 'create' ? 'Create customer' : 'Save changes'}
        </Button>
        <Link
          href={detailHref ?? '/customers'}
          className="rounded-md px-3 py-2 text-sm font-medium text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
        >
          Cancel
        </Link>
      </div>
    </form>
  );
}
