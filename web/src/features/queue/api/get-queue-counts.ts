import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import { queueCountsResponseSchema, type QueueCountsResponse } from '@/types/api';

import { queueKeys } from './queue-keys';

/** `GET /api/queue`: depth and what could be handed out now, per queue. */
export function getQueueCounts(signal?: AbortSignal): Promise<QueueCountsResponse> {
  return apiClient.get('/api/queue', queueCountsResponseSchema, { signal });
}

/** A time-driven reread waits at most this long (a later one is reached in steps). */
const longestWaitMs = 60 * 60 * 1000;

/**
 * When the counts will change by themselves (the calling window opens, a callback falls due):
 * milliseconds until just after the earliest `nextCallableAt` still ahead; false when none is.
 */
export function msUntilCountsChange(
  counts: QueueCountsResponse,
  now: number = Date.now(),
): number | false {
  const ahead = counts.queues
    .map((row) => (row.nextCallableAt === null ? Number.NaN : Date.parse(row.nextCallableAt) - now))
    .filter((ms) => ms > 0);
  if (ahead.length === 0) return false;
  return Math.min(Math.min(...ahead) + 1_000, longestWaitMs);
}

export function queueCountsQueryOptions() {
  return queryOptions({
    queryKey: queueKeys.counts(),
    queryFn: ({ signal }) => getQueueCounts(signal),
    // No polling: other agents' work arrives as live `lead` events (useLiveQueueCounts); what
    // changes with time alone is reread at the moment it is due.
    refetchInterval: (query) => (query.state.data ? msUntilCountsChange(query.state.data) : false),
  });
}

export function useQueueCounts() {
  return useQuery(queueCountsQueryOptions());
}
