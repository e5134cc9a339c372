import type { CallSession } from '@/types/api';
import { formatDuration } from '@/utils/duration';
import { formatUkDateTime } from '@/utils/uk-time';

import { useCustomerCallSessions } from '../api/get-call-sessions';
import { callStatusLabel } from '../labels';

function CallItem({ call }: { call: CallSession }) {
  const at = formatUkDateTime(call.createdAt);
  const reason = call.endReason ?? call.status;
  return (
    <li className="space-y-1">
      <p className="text-sm">
        <span className="text-slate-500">{at}</span>{' '}
        {call.direction === 'inbound' ? <span className="text-slate-600">Incoming · </span> : null}
        <span className="font-medium">{callStatusLabel(reason)}</span>
        {call.talkSeconds !== null ? (
          <span className="text-slate-600"> · talk {formatDuration(call.talkSeconds)}</span>
        ) : null}
      </p>
      {call.recording ? (
        // The recording is served by our API with the session cookie; nothing loads until played.
        <audio
          controls
          preload="none"
          src={call.recording.url}
          aria-label={`Recording of the call at ${at}`}
          className="h-8 w-full"
        />
      ) : null}
    </li>
  );
}

/** The customer's calls (the agent's own, as the API allows), newest first, with recordings. */
export function CallHistory({ userId }: { userId: string }) {
  const calls = useCustomerCallSessions(userId);
  if (calls.isPending) return <p className="text-sm text-slate-500">Loading calls…</p>;
  if (calls.isError) {
    return (
      <p className="text-sm text-red-700">The calls could not be loaded: {calls.error.message}</p>
    );
  }
  const sessions = calls.data.callSessions;
  if (sessions.length === 0) return <p className="text-sm text-slate-500">No calls yet</p>;
  return (
    <ul aria-label="Calls" className="space-y-1.5">
      {sessions.map((call) => (
        <CallItem key={call.id} call={call} />
      ))}
    </ul>
  );
}
