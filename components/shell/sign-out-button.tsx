'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';

/**
 * Ends the session through better-auth's own endpoint with a plain POST: every signed-in page
 * shows this button, and the auth client library would add ~12 kB to each of them.
 */
export function SignOutButton() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="secondary"
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          const response = await fetch('/api/auth/sign-out', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: '{}',
          }).catch(() => null);
          if (!response?.ok) {
            toast.error('Signing out failed. Check your connection and try again.');
            return;
          }
          router.replace('/sign-in');
          router.refresh();
        })
      }
    >
      Sign out
    </Button>
  );
}
