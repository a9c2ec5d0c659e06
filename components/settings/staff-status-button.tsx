'use client';

import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { setStaffDisabledAction } from '@/lib/staff/actions';

/** Disable (after a confirmation: it signs the member out at once) or enable again. */
export function StaffStatusButton({
  member,
}: {
  member: { id: string; name: string; disabled: boolean };
}) {
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();

  function setDisabled(disabled: boolean) {
    startTransition(async () => {
      try {
        const result = await setStaffDisabledAction(member.id, disabled);
        if (result.ok) {
          toast.success(`${member.name} ${disabled ? 'disabled and signed out' : 'enabled'}`);
          setConfirming(false);
        } else {
          toast.error(result.message);
        }
      } catch {
        toast.error('Could not reach the server. Nothing was changed.');
      }
    });
  }

  if (member.disabled) {
    return (
      <Button
        variant="secondary"
        className="px-2 py-1"
        aria-label={`Enable ${member.name}`}
        disabled={pending}
        onClick={() => setDisabled(false)}
      >
        {pending ? 'Enabling…' : 'Enable'}
      </Button>
    );
  }
  return (
    <>
      <Button
        variant="secondary"
        className="px-2 py-1 text-red-700 dark:text-red-400"
        aria-label={`Disable ${member.name}`}
        onClick={() => setConfirming(true)}
      >
        Disable
      </Button>
      <Dialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={`Disable ${member.name}?`}
        description="They are signed out everywhere at once and cannot sign in until an admin enables them again."
      >
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>
            Cancel
          </Button>
          <Button variant="danger" onClick={() => setDisabled(true)} disabled={pending}>
            {pending ? 'Disabling…' : 'Disable and sign out'}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
