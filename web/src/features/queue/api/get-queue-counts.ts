import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import { queueCountsResponseSchema, type QueueCountsResponse } from '@/types/api';

import { queueKeys } from './queue-keys';

/** `GET /api/queue`: depth and what could be handed out now, per queue. */
export function getQueueCounts(signal?: AbortSignal): Promise<QueueCountsResponse> {
  return apiClient.get('/api/queue', queueCountsResponseSchema, { signal });
}

export function queueCountsQueryOptions() {
  return queryOptions({
    queryKey: queueKeys.counts(),
    queryFn: ({ signal }) => getQueueCounts(signal),
    // The floor changes minute by minute (other agents, callbacks falling due); the counts are a
    // glance, not a contract, so a half-minute poll is enough.
    refetchInterval: 30_000,
  });
}

export function useQueueCounts() {
  return useQuery(queueCountsQueryOptions());
}
