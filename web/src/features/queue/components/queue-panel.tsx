import { useId, type ReactNode, type Ref } from 'react';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { Spinner } from '@/components/ui/spinner';
import type { QueueChoice, QueueName } from '@/types/api';

import { useQueueCounts } from '../api/get-queue-counts';
import { useLiveQueueCounts } from '../hooks/use-live-queue-counts';
import { queueLabels } from '../labels';
import { nextCustomerKey } from '../shortcuts';

export type Notice = { tone: 'info' | 'error'; text: string };

type QueuePanelProps = {
  /** The queues this agent may work (from the session); others are not offered. */
  workableQueues: readonly QueueName[];
  /** False for roles that may look at the counts but not take customers. */
  canWork: boolean;
  queue: QueueChoice;
  onQueueChange: (queue: QueueChoice) => void;
  onNext: () => void;
  nextDisabled: boolean;
  /** Why Next customer is off when it is for something the agent can change; shown under it. */
  nextHint?: string | null;
  nextButtonRef: Ref<HTMLButtonElement>;
  notice: Notice | null;
};

/** The no-customer controls: queue counts, the queue picker and the Next customer button. */
export function QueuePanel({
  workableQueues,
  canWork,
  queue,
  onQueueChange,
  onNext,
  nextDisabled,
  nextHint = null,
  nextButtonRef,
  notice,
}: QueuePanelProps) {
  const id = useId();
  const counts = useQueueCounts();
  useLiveQueueCounts();
  const rows = counts.data?.queues ?? [];
  const offered = rows.filter((row) => workableQueues.includes(row.queue));
  const callbacks = rows.find((row) => row.queue === 'callbacks');

  let summary: ReactNode;
  if (counts.isPending) {
    summary = <Spinner label="Loading the queues" />;
  } else if (counts.isError) {
    summary = (
      <div className="space-y-2">
        <Alert>{counts.error.message}</Alert>
        <Button variant="secondary" onClick={() => void counts.refetch()}>
          Reload the queues
        </Button>
      </div>
    );
  } else {
    summary = (
      <dl className="grid grid-cols-[1fr_auto] gap-x-3 gap-y-0.5 text-sm">
        {rows.map((row) => (
          <div key={row.queue} className="contents">
            <dt className="text-slate-600">{queueLabels[row.queue]}</dt>
            <dd className="text-right tabular-nums">
              {row.callableNow} <span className="text-slate-500">of {row.total}</span>
            </dd>
          </div>
        ))}
        <div className="contents">
          <dt className="font-medium text-slate-700">Callbacks due</dt>
          <dd className="text-right font-medium tabular-nums">{callbacks?.dueNow ?? 0}</dd>
        </div>
      </dl>
    );
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-3">
      <h2
        id={`${id}-heading`}
        className="text-xs font-semibold tracking-wide text-slate-500 uppercase"
      >
        Queue
      </h2>
      {/* Room for the usual rows while they load, so nothing below moves when they come. */}
      <div className="min-h-20">{summary}</div>
      {canWork ? (
        <>
          <div className="space-y-1">
            <Label htmlFor={`${id}-queue`}>Queue</Label>
            <select
              id={`${id}-queue`}
              value={queue}
              onChange={(event) => onQueueChange(event.target.value as QueueChoice)}
              className="block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-indigo-600 focus:ring-inset"
            >
              <option value="any">Any queue</option>
              {offered.map((row) => (
                <option key={row.queue} value={row.queue}>
                  {queueLabels[row.queue]} ({row.callableNow})
                </option>
              ))}
            </select>
          </div>
          <div className="flex items-center gap-2">
            <Button
              ref={nextButtonRef}
              className="flex-1"
              onClick={onNext}
              disabled={nextDisabled}
              aria-keyshortcuts={nextCustomerKey}
              aria-describedby={nextHint ? `${id}-next-key ${id}-next-hint` : `${id}-next-key`}
            >
              Next customer
            </Button>
            <kbd
              id={`${id}-next-key`}
              title="Keyboard shortcut"
              className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs text-slate-600"
            >
              {nextCustomerKey}
            </kbd>
          </div>
          {nextHint ? (
            <p id={`${id}-next-hint`} className="text-sm font-medium text-amber-800">
              {nextHint}
            </p>
          ) : null}
        </>
      ) : (
        <p className="text-sm text-slate-600">
          Agents and supervisors take customers from the queues; this view shows the counts.
        </p>
      )}
      {notice?.tone === 'error' ? <Alert>{notice.text}</Alert> : null}
      {/* Always in the page so that a screen reader is listening before the message arrives. */}
      <div role="status" aria-live="polite" className="text-sm font-medium text-emerald-800">
        {notice?.tone === 'info' ? notice.text : null}
      </div>
    </section>
  );
}
