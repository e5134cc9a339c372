import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

import { useLiveEvents } from '@/features/calls/live/live-events';

import { statusKeys } from '../api/status-keys';

/**
 * Rereads the agent's status whenever the live socket says it changed (the server moves it on a
 * call, its end and the saved outcome) and after a reconnect, when a change may have been missed.
 * Supervisors are sent everyone's changes: only `agentId`'s own count here.
 */
export function useLiveAgentStatus(agentId: string): void {
  const queryClient = useQueryClient();
  const refresh = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: statusKeys.mine() });
  }, [queryClient]);
  useLiveEvents((event) => {
    if (event.type === 'agent.status' && (event.subjectId ?? event.agentId) === agentId) refresh();
  }, refresh);
}
