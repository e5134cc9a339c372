import { Link, useLocation } from 'react-router';

import { paths } from '@/config/paths';
import { useMyStatus } from '@/features/agent-status/api/get-my-status';
import { useSession } from '@/features/auth/api/get-me';
import { cn } from '@/utils/cn';

import { useIncomingCalls } from '../api/get-incoming-calls';
import { useLiveIncomingCalls } from '../hooks/use-live-incoming-calls';
import { useReachable } from '../hooks/use-reachable';
import { callerName } from '../labels';

/**
 * "Incoming call: Jane Smith" with a link to the queue page, on every signed-in page but that one
 * (where the call's own banner answers it), while a customer's call rings for the agent. Also
 * keeps the agent reachable while they are Available (see useReachable), saying so when they
 * cannot be, and keeps the list of calls ringing for them current (see useLiveIncomingCalls).
 */
export function IncomingCallNotice() {
  const { agent } = useSession();
  // Agents and supervisors take calls; admins do not.
  const takesCalls = agent.role === 'agent' || agent.role === 'supervisor';
  const { pathname } = useLocation();
  const status = useMyStatus({ enabled: takesCalls });
  const available = takesCalls && status.data?.status.status === 'available';
  const problem = useReachable(available);
  useLiveIncomingCalls(takesCalls, agent.id);
  const incoming = useIncomingCalls({ enabled: takesCalls });

  if (!takesCalls) return null;
  const ringing = pathname === paths.queue ? [] : (incoming.data?.incoming ?? []);

  return (
    // Always in the page, so that a screen reader is listening before a call rings. At the top
    // of the page, in the middle, clear of the callback reminders; only the notices take clicks.
    <div
      role="status"
      aria-live="polite"
      aria-label="Calls for you"
      className={cn(
        'pointer-events-none fixed top-28 left-1/2 z-30 flex w-96 -translate-x-1/2 flex-col gap-2',
      )}
    >
      {problem ? (
        <p
          className={cn(
            'pointer-events-auto rounded-lg bg-red-50 p-3 text-sm text-red-800 shadow-lg',
            'ring-1 ring-red-200',
          )}
        >
          Calls put through to you cannot ring here: {problem}
        </p>
      ) : null}
      {ringing.map((call) => (
        <div
          key={call.callSessionId}
          className={cn(
            'pointer-events-auto flex items-center justify-between gap-3 rounded-lg bg-emerald-50',
            'p-3 text-sm shadow-lg ring-1 ring-emerald-300',
          )}
        >
          <p className="font-semibold text-emerald-950">Incoming call: {callerName(call)}</p>
          <Link
            to={paths.queue}
            className={cn(
              'shrink-0 rounded-md bg-emerald-700 px-3 py-1.5 font-semibold text-white shadow-sm',
              'hover:bg-emerald-600 focus-visible:outline-2 focus-visible:outline-offset-2',
              'focus-visible:outline-emerald-700',
            )}
          >
            Answer on the calls page
          </Link>
        </div>
      ))}
    </div>
  );
}
