import { useId, useRef, useState } from 'react';

import { Spinner } from '@/components/ui/spinner';
import { useAgentNames } from '@/features/customers/api/get-agents';
import { ListError } from '@/features/messaging/components/list-error';

import { useLegalHolds } from '../api/get-legal-holds';
import type { LegalHold } from '../api/schemas';
import { HoldTable } from './hold-table';
import { PlaceHoldForm } from './place-hold-form';
import { ReleaseHoldDialog } from './release-hold-dialog';

/**
 * Legal holds (admins): the customers whose records the daily retention job must keep, the form
 * that places a hold and Release, which asks why. Released holds are kept and shown on request.
 * What happened is announced in one place.
 */
export function LegalHoldsSection() {
  const id = useId();
  const [includeReleased, setIncludeReleased] = useState(false);
  const holds = useLegalHolds({ includeReleased });
  const agentName = useAgentNames();
  const [releasing, setReleasing] = useState<LegalHold | null>(null);
  const [notice, setNotice] = useState('');
  const listHeading = useRef<HTMLHeadingElement>(null);
  const releaseButtonId = (holdId: string) => `${id}-release-${holdId}`;

  function closeDialog() {
    const hold = releasing;
    setReleasing(null);
    if (hold) {
      requestAnimationFrame(() => document.getElementById(releaseButtonId(hold.id))?.focus());
    }
  }

  let list;
  if (holds.isPending) list = <Spinner label="Loading the legal holds" />;
  else if (holds.isError) {
    list = (
      <ListError
        message={`The legal holds could not be loaded: ${holds.error.message}`}
        retrying={holds.isFetching}
        onRetry={() => void holds.refetch()}
      />
    );
  } else if (holds.data.holds.length === 0) {
    list = (
      <p className="text-sm text-slate-600">
        {includeReleased
          ? 'No legal hold has been placed yet.'
          : 'No customer is under a legal hold.'}
      </p>
    );
  } else {
    list = (
      <HoldTable
        holds={holds.data.holds}
        agentName={agentName}
        releaseButtonId={releaseButtonId}
        onRelease={(hold) => {
          setNotice('');
          setReleasing(hold);
        }}
      />
    );
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-3">
      <div className="space-y-0.5">
        <h2 id={`${id}-heading`} className="text-lg font-semibold">
          Legal holds
        </h2>
        <p className="text-sm text-slate-600">
          Once a day the dialler clears personal details older than the retention periods (Queue
          settings, Data retention). A customer under a legal hold keeps all of their records until
          the hold is released. Holds are released, never deleted.
        </p>
      </div>
      {/* Always in the page, so that a screen reader is listening before the message arrives. */}
      <p role="status" aria-live="polite" className="text-sm font-medium text-emerald-800">
        {notice}
      </p>
      <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,1fr)]">
        <div className="min-w-0 space-y-2">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h3 ref={listHeading} tabIndex={-1} className="text-base font-semibold text-slate-900">
              {includeReleased ? 'All holds' : 'Holds in force'}
            </h3>
            <label className="inline-flex items-center gap-1.5 text-sm text-slate-700">
              <input
                type="checkbox"
                checked={includeReleased}
                onChange={(event) => setIncludeReleased(event.target.checked)}
              />
              Show released holds
            </label>
          </div>
          {list}
        </div>
        <PlaceHoldForm
          onPlaced={(hold) =>
            setNotice(`Customer ${hold.userId} is now under a legal hold.`)
          }
        />
      </div>
      {releasing ? (
        <ReleaseHoldDialog
          hold={releasing}
          onClose={closeDialog}
          onReleased={(hold) => {
            setReleasing(null);
            setNotice(`Released the legal hold on Customer ${hold.userId}.`);
            requestAnimationFrame(() => listHeading.current?.focus());
          }}
        />
      ) : null}
    </section>
  );
}
