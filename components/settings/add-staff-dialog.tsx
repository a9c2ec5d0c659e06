'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { TextField } from '@/components/ui/field';
import { SelectField } from '@/components/ui/select';
import { createStaffMemberAction } from '@/lib/staff/actions';
import { STAFF_ROLES, staffMemberCreateSchema, type StaffRole } from '@/lib/staff/schemas';
import { applyActionErrors } from './form-errors';
import { ROLE_SUMMARIES } from './roles';

type StaffMemberValues = { name: string; email: string; role: StaffRole; password: string };
const FIELDS = ['name', 'email', 'role', 'password'] as const;

export function AddStaffDialog() {
  const [open, setOpen] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    control,
    formState: { errors, isSubmitting },
  } = useForm({
    resolver: zodResolver(staffMemberCreateSchema),
    defaultValues: { name: '', email: '', role: 'support' as StaffRole, password: '' },
  });
  const role = useWatch({ control, name: 'role' });

  function close() {
    setOpen(false);
    setFormError(null);
    reset();
  }

  async function onSubmit(values: StaffMemberValues) {
    setFormError(null);
    try {
      const result = await createStaffMemberAction(values);
      if (!result.ok) {
        setFormError(applyActionErrors(result, setError, FIELDS));
        toast.error(result.message);
        return;
      }
      toast.success(`${result.data.name} can now sign in as ${result.data.role}`);
      close();
    } catch {
      setFormError('Could not reach the server. Check your connection and try again.');
      toast.error('Could not reach the server');
    }
  }

  return (
    <>
      <Button onClick={() => setOpen(true)}>Add staff member</Button>
      <Dialog
        open={open}
        onClose={close}
        title="Add staff member"
        description="They sign in with this email and the initial password; share it with them privately."
      >
        <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-4">
          <TextField
            id="staff-name"
            label="Name"
            autoComplete="off"
            error={errors.name?.message}
            {...register('name')}
          />
          <TextField
            id="staff-email"
            label="Email"
            type="email"
            autoComplete="off"
            error={errors.email?.message}
            {...register('email')}
          />
          <div className="space-y-1">
            <SelectField
              id="staff-role"
              label="Role"
              error={errors.role?.message}
              {...register('role')}
            >
              {STAFF_ROLES.map((value) => (
                <option key={value} value={value}>
                  {ROLE_SUMMARIES[value].label}
                </option>
              ))}
            </SelectField>
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              {ROLE_SUMMARIES[role]?.summary}
            </p>
          </div>
          <div className="space-y-1">
            <TextField
              id="staff-password"
              label="Initial password"
              type="password"
              autoComplete="new-password"
              aria-describedby={errors.password ? 'staff-password-error' : 'staff-password-hint'}
              error={errors.password?.message}
              {...register('password')}
            />
            {errors.password ? null : (
              <p id="staff-password-hint" className="text-sm text-zinc-600 dark:text-zinc-400">
                At least 12 characters.
              </p>
            )}
          </div>
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
              {isSubmitting ? 'Adding…' : 'Add member'}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
