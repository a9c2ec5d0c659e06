'use client';

import { useId, useState, useTransition } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { SelectField } from '@/components/ui/select';
import { changeStaffRoleAction } from '@/lib/staff/actions';
import { STAFF_ROLES, type StaffRole } from '@/lib/staff/schemas';
import { ROLE_SUMMARIES } from './roles';

export function ChangeRoleButton({
  member,
  isSelf,
}: {
  member: { id: string; name: string; role: StaffRole };
  isSelf: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [role, setRole] = useState<StaffRole>(member.role);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const selectId = useId();

  function close() {
    setOpen(false);
    setError(null);
    setRole(member.role);
  }

  function save(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    startTransition(async () => {
      try {
        const result = await changeStaffRoleAction(member.id, role);
        if (result.ok) {
          toast.success(
            `${member.name} is now ${ROLE_SUMMARIES[result.data.role].label.toLowerCase()}`,
          );
          setOpen(false);
        } else {
          setError(result.message);
          toast.error(result.message);
        }
      } catch {
        setError('Could not reach the server. The role was not changed.');
        toast.error('Could not reach the server');
      }
    });
  }

  return (
    <>
      <Button
        variant="secondary"
        className="px-2 py-1"
        aria-label={`Change role of ${member.name}`}
        onClick={() => setOpen(true)}
      >
        Change role
      </Button>
      <Dialog
        open={open}
        onClose={close}
        title={`Change role of ${member.name}`}
        description="The new role applies from their next page or request."
      >
        <form onSubmit={save} className="space-y-4">
          <div className="space-y-1">
            <SelectField
              id={selectId}
              label="Role"
              value={role}
              onChange={(event) => setRole(event.target.value as StaffRole)}
            >
              {STAFF_ROLES.map((value) => (
                <option key={value} value={value}>
                  {ROLE_SUMMARIES[value].label}
                </option>
              ))}
            </SelectField>
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              {ROLE_SUMMARIES[role].summary}
            </p>
          </div>
          {isSelf && role !== 'admin' ? (
            <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-200">
              This is your own account: you will lose access to settings straight away.
            </p>
          ) : null}
          <div aria-live="polite" role="status">
            {error ? (
              <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">
                {error}
              </p>
            ) : null}
          </div>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={close} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending || role === member.role}>
              {pending ? 'Saving…' : 'Save role'}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
