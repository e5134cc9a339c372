import { useId } from 'react';

import { formatUkTimeShort } from '@/utils/uk-time';

import type { FloorQueue } from '../api/schemas';
import { floorQueueLabel } from '../labels';

type QueuesPanelProps = {
  queues: readonly FloorQueue[];
  /** Now on the server's clock (ms), to say "next callable" relative to it. */
  serverNow: number;
  className?: string;
};

/** How deep each queue is and how many in it can be called now. */
export function QueuesPanel({ queues, serverNow, className }: QueuesPanelProps) {
  const id = useId();
  return (
    // Scrolls by itself, so it takes the focus: the keyboard can scroll it too.
    <section aria-labelledby={`${id}-heading`} tabIndex={0} className={className}>
      <h2
        id={`${id}-heading`}
        className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase"
      >
        Queues
      </h2>
      {queues.length === 0 ? (
        <p className="text-sm text-slate-600">No queues yet</p>
      ) : (
        <ul className="space-y-2">
          {queues.map((queue) => (
            <li key={queue.queue}>
              <QueueFigures queue={queue} serverNow={serverNow} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function QueueFigures({ queue, serverNow }: { queue: FloorQueue; serverNow: number }) {
  const id = useId();
  const figures: Array<[string, string]> = [
    ['In queue', String(queue.total)],
    ['Callable now', String(queue.callableNow)],
  ];
  if (queue.dueNow !== undefined) figures.push(['Due now', String(queue.dueNow)]);
  if (queue.laterToday !== undefined) figures.push(['Later today', String(queue.laterToday)]);
  if (queue.callableNow === 0 && queue.nextCallableAt !== null) {
    figures.push(['Next callable', formatUkTimeShort(queue.nextCallableAt, new Date(serverNow))]);
  }
  return (
    <div aria-labelledby={`${id}-name`} role="group">
      <h3 id={`${id}-name`} className="text-sm font-semibold text-slate-800">
        {floorQueueLabel(queue.queue)}
      </h3>
      <dl className="grid grid-cols-[1fr_auto] gap-x-3 text-sm">
        {figures.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-600">{label}</dt>
            <dd className="text-right tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
