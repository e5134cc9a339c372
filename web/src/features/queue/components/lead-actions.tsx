import { useId } from 'react';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { isApiError, type ApiError } from '@/lib/api-error';
import type { Lead } from '@/types/api';

import { useReleaseLead } from '../api/release-lead';
import { useSkipLead } from '../api/skip-lead';

type LeadActionsProps = {
  lead: Lead;
  /** The customer was given back; `message` says how. */
  onDone: (message: string) => void;
  /** The server says the agent no longer holds the customer (409). */
  onLost: (error: ApiError) => void;
  /**
   * Set once the customer has been called in this hold: the call (and then its outcome) comes
   * first, so the customer cannot be handed back without one.
   */
  lockedReason?: string | null;
};

/** Skip and Release: both give the customer back and leave the agent with nobody held. */
export function LeadActions({ lead, onDone, onLost, lockedReason = null }: LeadActionsProps) {
  const id = useId();
  const skip = useSkipLead();
  const release = useReleaseLead();
  const busy = skip.isPending || release.isPending || lockedReason !== null;
  const error = skip.error ?? release.error;

  function handleError(failure: Error) {
    if (isApiError(failure) && failure.status === 409) onLost(failure);
  }

  return (
    <div className="space-y-2">
      {error && !(isApiError(error) && error.status === 409) ? (
        <Alert>{error.message}</Alert>
      ) : null}
      {lockedReason ? <p className="text-sm text-slate-600">{lockedReason}</p> : null}
      <div className="flex flex-col gap-2">
        <Button
          variant="secondary"
          disabled={busy}
          aria-describedby={`${id}-skip`}
          onClick={() => {
            release.reset();
            skip.mutate(lead.userId, {
              onSuccess: () => onDone('Customer skipped for 30 minutes'),
              onError: handleError,
            });
          }}
        >
          Skip (30 min)
        </Button>
        <p id={`${id}-skip`} className="text-xs text-slate-500">
          Back in the queue in 30 minutes; a due callback moves too.
        </p>
        <Button
          variant="secondary"
          disabled={busy}
          aria-describedby={`${id}-release`}
          onClick={() => {
            skip.reset();
            release.mutate(lead.userId, {
              onSuccess: () => onDone('Customer released'),
              onError: handleError,
            });
          }}
        >
          Release
        </Button>
        <p id={`${id}-release`} className="text-xs text-slate-500">
          Back in the queue now, unchanged.
        </p>
      </div>
    </div>
  );
}
