import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';

import { Button } from '@/components/ui/button';
import { canOpen, navItems } from '@/config/navigation';
import { paths } from '@/config/paths';
import { useSession } from '@/features/auth/api/get-me';
import type { LiveEvent } from '@/types/api';
import { cn } from '@/utils/cn';
import { formatUkClock } from '@/utils/uk-time';

import { callbackKeys } from '../api/callback-keys';
import { callbacksQueryOptions } from '../api/get-callbacks';
import type { CallbackRow, CallbacksResponse } from '../api/schemas';
import { useLiveCallbacks } from '../hooks/use-live-callbacks';
import { callbackCustomerName } from '../labels';

/** At most this many reminders are shown at once; the oldest goes first. */
export const maxDueNotices = 3;

const callbacksPage = navItems.find((item) => item.key === 'callbacks');

/** A callback in any list read so far (the team list holds every pending one). */
function findCallback(
  id: string,
  team: CallbacksResponse | undefined,
  cached: ReadonlyArray<readonly [unknown, CallbacksResponse | undefined]>,
): CallbackRow | undefined {
  return (
    team?.callbacks.find((row) => row.id === id) ??
    cached.flatMap(([, data]) => data?.callbacks ?? []).find((row) => row.id === id)
  );
}

/**
 * "Callback due soon: Jane Smith at 14:30" with a link to the Callbacks page, on every signed-in
 * page, when the live socket says a callback of mine (or of the whole team) is a few minutes
 * away. Supervisors hear of everyone's; only their own and the team's are shown to them. Each
 * reminder stays until dismissed or followed: a message that goes by itself may go unread. Also
 * keeps the callbacks lists current (see useLiveCallbacks).
 */
export function CallbackDueNotices() {
  const { agent } = useSession();
  const enabled = callbacksPage !== undefined && canOpen(callbacksPage, agent.role);
  const queryClient = useQueryClient();
  const [due, setDue] = useState<string[]>([]);

  useLiveCallbacks(enabled, (event: LiveEvent) => {
    const id = event.subjectId;
    if (!id) return;
    const forMe = event.agentId == null || event.agentId === agent.id;
    if (!forMe) return;
    setDue((current) => [...current.filter((other) => other !== id), id].slice(-maxDueNotices));
  });

  // The event names only the callback: who and when come from the list of every pending one.
  const team = useQuery({ ...callbacksQueryOptions('team'), enabled: enabled && due.length > 0 });

  if (!enabled) return null;
  const cached = queryClient.getQueriesData<CallbacksResponse>({ queryKey: callbackKeys.lists() });
  const dismiss = (id: string) => setDue((current) => current.filter((other) => other !== id));

  return (
    // Always in the page, so that a screen reader is listening before a reminder arrives. Over
    // the page's top right corner, below the navigation; only the reminders take clicks.
    <div
      role="status"
      aria-live="polite"
      aria-label="Callback reminders"
      className="pointer-events-none fixed top-28 right-4 z-20 flex w-80 flex-col gap-2"
    >
      {due.map((id) => {
        const callback = findCallback(id, team.data, cached);
        // Nothing until the list says who it is, so the reminder is read out once, in full.
        if (!callback && team.isPending) return null;
        const name = callback ? callbackCustomerName(callback) : null;
        return (
          <div
            key={id}
            className={cn(
              'pointer-events-auto space-y-2 rounded-lg bg-amber-50 p-3 text-sm shadow-lg',
              'ring-1 ring-amber-300',
            )}
          >
            <p className="font-semibold text-amber-950">
              {callback
                ? `Callback due soon: ${name} at ${formatUkClock(callback.scheduledFor)}`
                : 'A callback is due soon'}
            </p>
            <div className="flex items-center gap-2">
              <Link
                to={paths.callbacks}
                onClick={() => dismiss(id)}
                className={cn(
                  'rounded-md bg-indigo-600 px-3 py-1.5 font-semibold text-white shadow-sm',
                  'hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2',
                  'focus-visible:outline-indigo-600',
                )}
              >
                Open Callbacks
              </Link>
              <Button
                variant="secondary"
                className="py-1.5"
                aria-label={name ? `Dismiss reminder for ${name}` : 'Dismiss reminder'}
                onClick={() => dismiss(id)}
              >
                Dismiss
              </Button>
            </div>
          </div>
        );
      })}
    </div>
  );
}
