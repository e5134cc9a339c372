import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import { agentStatusResponseSchema, type AgentStatusResponse } from '@/types/api';

import { statusKeys } from './status-keys';

/** `GET /api/agents/me/status`: the signed-in agent's (or supervisor's) status and since when. */
export function getMyStatus(signal?: AbortSignal): Promise<AgentStatusResponse> {
  return apiClient.get('/api/agents/me/status', agentStatusResponseSchema, { signal });
}

/**
 * Not polled: the server moves the status itself (a call, its end, a saved outcome) and says so on
 * the live socket, which is when it is read again (see useLiveAgentStatus).
 */
export function myStatusQueryOptions() {
  return queryOptions({
    queryKey: statusKeys.mine(),
    queryFn: ({ signal }) => getMyStatus(signal),
  });
}

/** `enabled` is false for roles without a status (admins): the server would answer 403. */
export function useMyStatus({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...myStatusQueryOptions(), enabled });
}
