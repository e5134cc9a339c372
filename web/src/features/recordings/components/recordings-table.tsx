import { useEffect, useRef } from 'react';
import { Link } from 'react-router';

import { customerPath } from '@/config/paths';
import { cn } from '@/utils/cn';
import { formatDuration } from '@/utils/duration';
import { formatUkDateTime } from '@/utils/uk-time';

import type { RecordedCall } from '../api/schemas';
import {
  directionLabel,
  recordedCustomerName,
  recordedOutcomeLabel,
  recordingLabel,
} from '../labels';

const headings = ['When', 'Agent', 'Customer', 'Direction', 'Outcome', 'Length', 'Recording'];

type RecordingsTableProps = {
  calls: readonly RecordedCall[];
  agentName: (agentId: string) => string;
  /** A row to move the focus to (the first of a page just loaded), by call id; null for none. */
  focusCallId: string | null;
};

/** The calls found, newest first, each with its recording to play. */
export function RecordingsTable({ calls, agentName, focusCallId }: RecordingsTableProps) {
  const bodyRef = useRef<HTMLTableSectionElement>(null);

  useEffect(() => {
    if (focusCallId === null) return;
    const rows = Array.from(bodyRef.current?.rows ?? []);
    rows.find((row) => row.dataset.callId === focusCallId)?.focus();
  }, [focusCallId]);

  return (
    <table className="w-full border-separate border-spacing-0 text-left text-sm">
      <caption className="sr-only">Calls with a recording, newest first</caption>
      <thead className="sticky top-0 z-10 bg-white text-xs font-semibold tracking-wide text-slate-500 uppercase">
        <tr>
          {headings.map((heading) => (
            <th
              key={heading}
              scope="col"
              className={cn(
                'border-b border-slate-200 px-2 py-1.5',
                heading === 'Length' && 'text-right',
              )}
            >
              {heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody ref={bodyRef}>
        {calls.map((call) => (
          <RecordingRow key={call.callSessionId} call={call} agentName={agentName} />
        ))}
      </tbody>
    </table>
  );
}

function RecordingRow({
  call,
  agentName,
}: {
  call: RecordedCall;
  agentName: (agentId: string) => string;
}) {
  const cell = 'border-b border-slate-100 px-2 py-1.5 align-middle';
  const seconds = call.talkSeconds ?? call.recording.seconds;
  return (
    // Focusable by script only: Load more moves the focus to the first row it added.
    <tr
      data-call-id={call.callSessionId}
      tabIndex={-1}
      className="focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-600"
    >
      <td className={cn(cell, 'whitespace-nowrap tabular-nums')}>
        <time dateTime={call.at}>{formatUkDateTime(call.at)}</time>
      </td>
      <td className={cn(cell, 'whitespace-nowrap')}>{agentName(call.agentId)}</td>
      <td className={cell}>
        <Link
          to={customerPath(call.userId)}
          className="font-medium text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          {recordedCustomerName(call)}
        </Link>
      </td>
      <td className={cn(cell, 'whitespace-nowrap')}>{directionLabel(call.direction)}</td>
      <td className={cn(cell, 'whitespace-nowrap', call.outcome === null && 'text-slate-500')}>
        {recordedOutcomeLabel(call.outcome)}
      </td>
      <td className={cn(cell, 'text-right tabular-nums')}>{formatDuration(seconds)}</td>
      <td className={cell}>
        {/* Served by our API with the session cookie, which audits each play; nothing is
            fetched until someone presses play. */}
        <audio
          controls
          preload="none"
          src={call.recording.url}
          aria-label={recordingLabel(call)}
          className="h-8 w-56"
        />
      </td>
    </tr>
  );
}
