import type { TextareaHTMLAttributes } from 'react';
import { FieldFrame } from './field';

/** A labelled textarea with its error announced and tied to it through aria-describedby. */
export function TextareaField({
  label,
  error,
  id,
  ...props
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; error?: string; id: string }) {
  return (
    <FieldFrame id={id} label={label} error={error}>
      {(control) => <textarea {...control} {...props} />}
    </FieldFrame>
  );
}
