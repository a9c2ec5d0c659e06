'use client';

import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { revokeApiKeyAction } from '@/lib/api-keys/actions';

export function RevokeApiKeyButton({ keyId, keyName }: { keyId: string; keyName: string }) {
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();

  function revoke() {
    startTransition(async () => {
      try {
        const result = await revokeApiKeyAction(keyId);
        if (result.ok) {
          toast.success(`API key “${keyName}” revoked`);
          setOpen(false);
        } else {
          toast.error(result.message);
        }
      } catch {
        toast.error('Could not reach the server. The key was not revoked.');
      }
    });
  }

  return (
    <>
      <Button
        variant="secondary"
        className="px-2 py-1 text-red-700 dark:text-red-400"
        aria-label={`Revoke ${keyName}`}
        onClick={() => setOpen(true)}
      >
        Revoke
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={`Revoke “${keyName}”?`}
        description="Every request made with this key is refused (401) from now on. This cannot be undone; create a new key to replace it."
      >
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setOpen(false)} disabled={pending}>
            Cancel
          </Button>
          <Button variant="danger" onClick={revoke} disabled={pending}>
            {pending ? 'Revoking…' : 'Revoke key'}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
