import { useQueryClient } from '@tanstack/react-query';

import { useLiveEvents } from '@/features/calls/live/live-events';
import { useThrottledCallback } from '@/hooks/use-throttled-callback';

import { queueKeys } from '../api/queue-keys';

/** However busy the floor, the counts are read at most once in this long. */
export const countsRefreshGapMs = 1_000;

/**
 * Rereads the queue counts when the live socket says a customer was handed out, given back or
 * finished (by anyone: every agent is told), and after a reconnect, when some may have been missed.
 */
export function useLiveQueueCounts(): void {
  const queryClient = useQueryClient();
  const refresh = useThrottledCallback(() => {
    void queryClient.invalidateQueries({ queryKey: queueKeys.counts() });
  }, countsRefreshGapMs);
  useLiveEvents((event) => {
    if (event.type === 'lead') refresh();
  }, refresh);
}
