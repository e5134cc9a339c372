import { useId, useState, type FormEvent } from 'react';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ReasonField } from '@/components/ui/reason-field';
import { ActionDialog } from '@/features/callbacks/components/action-dialog';
import { isApiError } from '@/lib/api-error';

import { useRemoveSuppression } from '../api/remove-suppression';
import type { Suppression } from '../api/schemas';
import { channelLabel, spokenCovered } from '../labels';

type RemoveSuppressionDialogProps = {
  entry: Suppression;
  onRemoved: (entry: Suppression) => void;
  onClose: () => void;
};

/**
 * Lifting an entry is destructive (the customer may be contacted again at once), so it asks for
 * the reason, which is kept with the entry and in the audit log.
 */
export function RemoveSuppressionDialog({
  entry,
  onRemoved,
  onClose,
}: RemoveSuppressionDialogProps) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const remove = useRemoveSuppression();
  const who = spokenCovered(entry);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (remove.isPending) return;
    setFormError(null);
    if (reason.trim() === '') {
      setError('Say why the entry is removed.');
      return;
    }
    setError(null);
    remove.mutate(
      { id: entry.id, reason: reason.trim() },
      {
        onSuccess: ({ suppression }) => onRemoved(suppression),
        onError: (failure) => {
          if (isApiError(failure) && failure.status === 400 && failure.field === 'reason') {
            setError(failure.message.replace(/^reason /, 'The reason '));
          } else if (isApiError(failure) && failure.status === 404) {
            setFormError('This entry is no longer in force: someone removed it already.');
          } else {
            setFormError(`Nothing was removed: ${failure.message || 'try again.'}`);
          }
        },
      },
    );
  }

  return (
    <ActionDialog title={`Remove the entry for ${who}`} onClose={onClose}>
      <form noValidate onSubmit={handleSubmit} className="space-y-3">
        <p className="text-sm text-slate-700">
          {who} may then be contacted again ({channelLabel(entry.channel).toLowerCase()}). The entry
          is kept, marked removed, with your reason.
        </p>
        <ReasonField
          id={`${id}-reason`}
          label="Reason for removing"
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
          <Button type="submit">Remove entry</Button>
        </div>
      </form>
    </ActionDialog>
  );
}
