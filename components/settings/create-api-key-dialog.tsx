'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { TextField } from '@/components/ui/field';
import { createApiKeyAction, type CreatedApiKey } from '@/lib/api-keys/actions';
import { apiKeyCreateSchema } from '@/lib/api-keys/schemas';
import { CopySecretButton } from './copy-secret-button';
import { applyActionErrors } from './form-errors';

const MODES = [
  { value: 'test', label: 'Test', hint: 'For development and sandbox calls.' },
  { value: 'live', label: 'Live', hint: 'For production traffic.' },
] as const;

/** "New API key": a small form, then the secret, shown this one time only. */
export function CreateApiKeyDialog() {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(apiKeyCreateSchema),
    defaultValues: { name: '', mode: 'test' as const },
  });
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = form;

  function close() {
    setOpen(false);
    // Forget the secret as soon as the dialog closes: it is never shown again.
    setCreated(null);
    setFormError(null);
    reset();
  }

  async function onSubmit(values: { name: string; mode: 'live' | 'test' }) {
    setFormError(null);
    try {
      const result = await createApiKeyAction(values);
      if (!result.ok) {
        setFormError(applyActionErrors(result, setError, ['name', 'mode']));
        toast.error(result.message);
        return;
      }
      setCreated(result.data);
      toast.success(`API key “${result.data.name}” created`);
    } catch {
      setFormError('Could not reach the server. Check your connection and try again.');
      toast.error('Could not reach the server');
    }
  }

  return (
    <>
      <Button onClick={() => setOpen(true)}>New API key</Button>
      <Dialog
        open={open}
        onClose={close}
        title={created ? 'Copy your new API key' : 'New API key'}
        description={
          created
            ? undefined
            : 'Integrators send the key in the X-API-Key header of every REST API call.'
        }
      >
        {created ? (
          <div className="space-y-4">
            <p
              role="alert"
              className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-200"
            >
              This is the only time the secret is shown. Copy it now and store it somewhere safe: it
              won’t be shown again, and a lost key can only be revoked and replaced.
            </p>
            <div className="space-y-1">
              <label htmlFor="new-api-key-secret" className="block text-sm font-medium">
                Secret key for “{created.name}” ({created.mode})
              </label>
              <div className="flex flex-wrap gap-2">
                <input
                  id="new-api-key-secret"
                  readOnly
                  value={created.secret}
                  onFocus={(event) => event.currentTarget.select()}
                  className="block min-w-0 flex-1 rounded-md border border-zinc-300 bg-zinc-50 px-3 py-2 font-mono text-sm dark:border-zinc-700 dark:bg-zinc-950"
                />
                <CopySecretButton value={created.secret} label="Copy key" />
              </div>
            </div>
            <div className="flex justify-end">
              <Button onClick={close}>Done</Button>
            </div>
          </div>
        ) : (
          <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-4">
            <TextField
              id="api-key-name"
              label="Name"
              placeholder="e.g. Billing service"
              autoComplete="off"
              error={errors.name?.message}
              {...register('name')}
            />
            <fieldset className="space-y-2" aria-describedby="api-key-mode-hint">
              <legend className="text-sm font-medium">Mode</legend>
              <p id="api-key-mode-hint" className="text-sm text-zinc-600 dark:text-zinc-400">
                Test keys start with sk_test_, live keys with sk_live_.
              </p>
              <div className="grid gap-2 sm:grid-cols-2">
                {MODES.map((mode) => (
                  <label
                    key={mode.value}
                    className="flex cursor-pointer items-start gap-2 rounded-md border border-zinc-300 p-3 text-sm has-checked:border-indigo-600 has-checked:bg-indigo-50 dark:border-zinc-700 dark:has-checked:border-indigo-400 dark:has-checked:bg-indigo-950"
                  >
                    <input
                      type="radio"
                      value={mode.value}
                      className="mt-0.5"
                      {...register('mode')}
                    />
                    <span>
                      <span className="block font-medium">{mode.label}</span>
                      <span className="block text-zinc-600 dark:text-zinc-400">{mode.hint}</span>
                    </span>
                  </label>
                ))}
              </div>
              {errors.mode ? (
                <p className="text-sm text-red-600 dark:text-red-400">{errors.mode.message}</p>
              ) : null}
            </fieldset>
            <div aria-live="polite" role="status">
              {formError ? (
                <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">
                  {formError}
                </p>
              ) : null}
            </div>
            <div className="flex justify-end gap-2">
              <Button type="button" variant="secondary" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" disabled={isSubmitting}>
                {isSubmitting ? 'Creating…' : 'Create key'}
              </Button>
            </div>
          </form>
        )}
      </Dialog>
    </>
  );
}
