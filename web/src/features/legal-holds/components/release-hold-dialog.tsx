import { useId, useState, type FormEvent } from 'react';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { ActionDialog } from '@/features/callbacks/components/action-dialog';
import { isApiError } from '@/lib/api-error';
import { cn } from '@/utils/cn';

import { useReleaseLegalHold } from '../api/release-legal-hold';
import type { LegalHold } from '../api/schemas';
import { inWords } from '../labels';

type ReleaseHoldDialogProps = {
  hold: LegalHold;
  onReleased: (hold: LegalHold) => void;
  onClose: () => void;
};

/**
 * Releasing a hold lets the retention job clear the customer's old records at its next run, which
 * cannot be undone, so it asks for the reason, kept with the hold and in the audit log.
 */
export function ReleaseHoldDialog({ hold, onReleased, onClose }: ReleaseHoldDialogProps) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const release = useReleaseLegalHold();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (release.isPending) return;
    setFormError(null);
    if (reason.trim() === '') {
      setError('Say why the hold is released.');
      return;
    }
    setError(null);
    release.mutate(
      { id: hold.id, reason: reason.trim() },
      {
        onSuccess: ({ hold: released }) => onReleased(released),
        onError: (failure) => {
          if (isApiError(failure) && failure.status === 400 && failure.field === 'reason') {
            setError(inWords(failure.message));
          } else if (isApiError(failure) && failure.status === 404) {
            setFormError('This hold is no longer in force: someone released it already.');
          } else {
            setFormError(`The hold was not released: ${failure.message || 'try again.'}`);
          }
        },
      },
    );
  }

  return (
    <ActionDialog title={`Release the legal hold on Customer ${hold.userId}`} onClose={onClose}>
      <form noValidate onSubmit={handleSubmit} className="space-y-3">
        <p className="text-sm text-slate-700">
          From the next daily run, this customer’s records older than the retention periods are
          cleared like everyone else’s. The hold is kept, marked released, with your reason.
        </p>
        <div className="space-y-1">
          <Label htmlFor={`${id}-reason`}>Reason for releasing</Label>
          <textarea
            id={`${id}-reason`}
            rows={3}
            maxLength={2000}
            value={reason}
            onChange={(event) => {
              setReason(event.target.value);
              setError(null);
            }}
            aria-required="true"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            className={cn(
              'block w-full resize-y rounded-md border-0 px-3 py-1.5 text-sm text-slate-900',
              'shadow-sm ring-1 ring-slate-300 ring-inset',
              'focus:ring-2 focus:ring-indigo-600 focus:ring-inset aria-invalid:ring-red-500',
            )}
          />
          {error ? (
            <p id={`${id}-error`} className="text-sm text-red-700">
              {error}
            </p>
          ) : null}
        </div>
        {formError ? <Alert>{formError}</Alert> : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit">Release hold</Button>
        </div>
      </form>
    </ActionDialog>
  );
}
