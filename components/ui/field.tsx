import type { InputHTMLAttributes, ReactNode } from 'react';

/** The classes every form control shares; invalid controls get a red border. */
export const CONTROL_CLASS =
  'block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm shadow-sm aria-invalid:border-red-500 dark:border-zinc-700 dark:bg-zinc-900';

/** The attributes that tie a control to its label and its announced error. */
export type ControlProps = {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  className: string;
};

/**
 * A label, a control and its error, the error tied to the control through aria-describedby.
 * `children` renders the control from the attributes it must carry.
 */
export function FieldFrame({
  id,
  label,
  error,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const errorId = `${id}-error`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': error ? errorId : undefined,
        className: CONTROL_CLASS,
      })}
      {error ? (
        <p id={errorId} className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled input with its error announced and tied to it through aria-describedby. */
export function TextField({
  label,
  error,
  id,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string; id: string }) {
  return (
    <FieldFrame id={id} label={label} error={error}>
      {(control) => <input {...control} {...props} />}
    </FieldFrame>
  );
}
