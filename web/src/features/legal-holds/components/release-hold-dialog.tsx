import { useId, useState, type FormEvent } from 'react';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ReasonField } from '@/components/ui/reason-field';
import { ActionDialog } from '@/features/callbacks/components/action-dialog';
import { isApiError } from '@/lib/api-error';

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
        <ReasonField
          id={`${id}-reason`}
          label="Reason for releasing"
          value={reason}
          error={error}
          onChange={(value) => {
            setReason(value);
            setError(null);
          }}
        />
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
