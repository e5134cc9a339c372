import { useQueryClient } from '@tanstack/react-query';

import type { IncomingCallsResponse } from '@/types/api';

import { callKeys } from '../api/call-keys';
import { useLiveEvents } from '../live/live-events';

/**
 * Keeps the list of calls ringing for the agent current from the live socket, never by polling:
 * it is read again when a call starts ringing for them (`call.incoming`), when one of the calls
 * listed moves on (`call`: answered, given up, put through elsewhere) and after a reconnect, when
 * events may have been missed. Supervisors hear of everyone's calls; only their own count.
 */
export function useLiveIncomingCalls(enabled: boolean, agentId: string): void {
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: callKeys.incoming() });
  };

  useLiveEvents(
    (event) => {
      if (!enabled) return;
      if (event.type === 'call.incoming') {
        if (event.agentId == null || event.agentId === agentId) refresh();
        return;
      }
      if (event.type !== 'call' || !event.subjectId) return;
      const listed = queryClient.getQueryData<IncomingCallsResponse>(callKeys.incoming());
      if (listed?.incoming.some((call) => call.callSessionId === event.subjectId)) refresh();
    },
    () => {
      if (enabled) refresh();
    },
  );
}
