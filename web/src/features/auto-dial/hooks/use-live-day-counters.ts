import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

import { useLiveEvents } from '@/features/calls/live/live-events';
import { finalCallStatuses, type CallStatus, type LiveEvent } from '@/types/api';

import { dayKeys } from '../api/day-keys';

function isFinalCallState(state: string | null | undefined): boolean {
  return state != null && finalCallStatuses.has(state as CallStatus);
}

/** True for a live event after which `agentId`'s day figures may have changed. */
export function changesDayOf(event: LiveEvent, agentId: string): boolean {
  // Supervisors are sent everyone's events: only the agent's own count here. An event that names
  // nobody is taken to be theirs (agents are only ever sent their own).
  const mine = event.agentId == null || event.agentId === agentId;
  if (!mine) return false;
  if (event.type === 'call') return isFinalCallState(event.state);
  if (event.type === 'magic_link') return event.state === 'sent';
  return false;
}

/**
 * Rereads the agent's day figures when one of their calls reaches its end or they send a link,
 * and after a reconnect, when such an event may have been missed. (A saved outcome rereads them
 * too: see useRecordOutcome.) Nothing polls.
 */
export function useLiveDayCounters(agentId: string): void {
  const queryClient = useQueryClient();
  const refresh = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: dayKeys.mine() });
  }, [queryClient]);
  useLiveEvents((event) => {
    if (changesDayOf(event, agentId)) refresh();
  }, refresh);
}
