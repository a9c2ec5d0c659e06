'use client';

import {
  useFieldArray,
  type Control,
  type FieldErrors,
  type UseFormRegister,
} from 'react-hook-form';
import { Button } from '@/components/ui/button';
import type { CustomerFormValues } from '@/lib/customers/form-values';
import { METADATA_MAX_KEYS } from '@/lib/customers/schemas';

const inputClass =
  'block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm shadow-sm aria-invalid:border-red-500 dark:border-zinc-700 dark:bg-zinc-900';

/** Key/value rows for a customer's metadata: add, edit and remove; values are saved as text. */
export function MetadataEditor({
  control,
  register,
  errors,
}: {
  control: Control<CustomerFormValues>;
  register: UseFormRegister<CustomerFormValues>;
  errors: FieldErrors<CustomerFormValues>['metadata'];
}) {
  const { fields, append, remove } = useFieldArray({ control, name: 'metadata' });
  const listError = errors?.message ?? errors?.root?.message;

  return (
    <fieldset className="space-y-3" aria-describedby="metadata-help">
      <legend className="sr-only">Metadata</legend>
      <p id="metadata-help" className="text-sm text-zinc-600 dark:text-zinc-400">
        Your own references, up to {METADATA_MAX_KEYS} keys. Keys: letters, digits, “_”, “.” or “-”.
      </p>
      {fields.length > 0 ? (
        <div className="space-y-2">
          <div
            aria-hidden="true"
            className="hidden grid-cols-[minmax(0,2fr)_minmax(0,3fr)_auto] gap-2 text-xs font-medium text-zinc-600 sm:grid dark:text-zinc-400"
          >
            <span>Key</span>
            <span>Value</span>
            <span className="w-20" />
          </div>
          <ul className="space-y-2">
            {fields.map((field, index) => {
              const keyError = errors?.[index]?.key?.message;
              const valueError = errors?.[index]?.value?.message;
              const keyId = `metadata-${index}-key`;
              const valueId = `metadata-${index}-value`;
              return (
                <li
                  key={field.id}
                  className="grid grid-cols-1 gap-2 sm:grid-cols-[minmax(0,2fr)_minmax(0,3fr)_auto]"
                >
                  <div className="space-y-1">
                    <label htmlFor={keyId} className="sr-only">
                      Metadata key {index + 1}
                    </label>
                    <input
                      id={keyId}
                      placeholder="Key"
                      autoComplete="off"
                      spellCheck={false}
                      aria-invalid={keyError ? true : undefined}
                      aria-describedby={keyError ? `${keyId}-error` : undefined}
                      className={`${inputClass} font-mono`}
                      {...register(`metadata.${index}.key`)}
                    />
                    {keyError ? (
                      <p id={`${keyId}-error`} className="text-sm text-red-600 dark:text-red-400">
                        {keyError}
                      </p>
                    ) : null}
                  </div>
                  <div className="space-y-1">
                    <label htmlFor={valueId} className="sr-only">
                      Metadata value {index + 1}
                    </label>
                    <input
                      id={valueId}
                      placeholder="Value"
                      autoComplete="off"
                      aria-invalid={valueError ? true : undefined}
                      aria-describedby={valueError ? `${valueId}-error` : undefined}
                      className={inputClass}
                      {...register(`metadata.${index}.value`)}
                    />
                    {valueError ? (
                      <p id={`${valueId}-error`} className="text-sm text-red-600 dark:text-red-400">
                        {valueError}
                      </p>
                    ) : null}
                  </div>
                  <div>
                    <Button
                      type="button"
                      variant="ghost"
                      className="w-20"
                      aria-label={`Remove metadata row ${index + 1}`}
                      onClick={() => remove(index)}
                    >
                      Remove
                    </Button>
                  </div>
                </li>
              );
            })}
          </ul>
        </div>
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No metadata.</p>
      )}
      {listError ? (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {listError}
        </p>
      ) : null}
      <Button
        type="button"
        variant="secondary"
        disabled={fields.length >= METADATA_MAX_KEYS}
        onClick={() => append({ key: '', value: '' })}
      >
        Add metadata row
      </Button>
    </fieldset>
  );
}
