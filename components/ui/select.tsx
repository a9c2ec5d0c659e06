import type { SelectHTMLAttributes } from 'react';
import { FieldFrame } from './field';

/** A labelled select with its error announced and tied to it through aria-describedby. */
export function SelectField({
  label,
  error,
  id,
  children,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & { label: string; error?: string; id: string }) {
  return (
    <FieldFrame id={id} label={label} error={error}>
      {(control) => (
        <select {...control} {...props}>
          {children}
        </select>
      )}
    </FieldFrame>
  );
}
