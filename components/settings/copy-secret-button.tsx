'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';

/** A full-size copy button for a secret; the secret itself stays out of the accessible name. */
export function CopySecretButton({ value, label }: { value: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <Button
      type="button"
      variant="secondary"
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(value);
          setState('copied');
        } catch {
          // Clipboard access can be refused (permissions, insecure origin): say so.
          setState('failed');
        }
        setTimeout(() => setState('idle'), 2000);
      }}
    >
      <span aria-live="polite">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Select and copy it' : label}
      </span>
    </Button>
  );
}
