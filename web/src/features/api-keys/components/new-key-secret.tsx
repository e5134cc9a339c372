import { useEffect, useId, useRef, useState } from 'react';

import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';

type NewKeySecretProps = {
  /** The key itself, as the server gave it this once. */
  secret: string;
  agentName: string;
};

/**
 * The key just made, to hand to the machine agent's operators: read-only, with a button that
 * copies it. The server keeps only its hash, so this is the one time anyone sees it; it is held
 * in this component alone (never in the query cache) and is gone when the dialog closes.
 */
export function NewKeySecret({ secret, agentName }: NewKeySecretProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState('');

  // The focus goes to the key so that it is read out and can be copied from the keyboard.
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
    setCopied('');
  }, [secret]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('Copied.');
    } catch {
      // Some browsers refuse the clipboard to a page: leave the key selected to copy by hand.
      input.current?.focus();
      input.current?.select();
      setCopied('The key could not be copied here: it is selected, copy it with Ctrl+C.');
    }
  }

  return (
    <div
      role="group"
      aria-labelledby={`${id}-heading`}
      className="space-y-2 rounded-md bg-amber-50 p-3 ring-1 ring-amber-200 ring-inset"
    >
      <h3 id={`${id}-heading`} className="text-base font-semibold text-slate-900">
        New API key for {agentName}
      </h3>
      <div className="space-y-1">
        <Label htmlFor={`${id}-secret`}>New API key</Label>
        <div className="flex gap-2">
          <Input
            ref={input}
            id={`${id}-secret`}
            readOnly
            value={secret}
            spellCheck={false}
            autoComplete="off"
            className="font-mono"
            aria-describedby={`${id}-note`}
          />
          <Button variant="secondary" className="whitespace-nowrap" onClick={() => void copy()}>
            Copy key
          </Button>
        </div>
        <p id={`${id}-note`} className="text-sm font-medium text-amber-900">
          Copy it now and keep it safe: it will not be shown again, here or anywhere, once this
          dialog is closed.
        </p>
      </div>
      <p role="status" aria-live="polite" className="text-sm text-slate-700">
        {copied}
      </p>
    </div>
  );
}
