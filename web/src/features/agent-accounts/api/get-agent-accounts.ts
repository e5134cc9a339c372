import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

import { agentAccountKeys } from './agent-account-keys';
import { agentAccountsResponseSchema, type AgentAccountsResponse } from './schemas';

/** `GET /api/admin/agents` (admins): every account, deactivated ones too, by id. */
export function getAgentAccounts(signal?: AbortSignal): Promise<AgentAccountsResponse> {
  return apiClient.get('/api/admin/agents', agentAccountsResponseSchema, { signal });
}

export function agentAccountsQueryOptions() {
  return queryOptions({
    queryKey: agentAccountKeys.list(),
    queryFn: ({ signal }) => getAgentAccounts(signal),
  });
}

export function useAgentAccounts() {
  return useQuery(agentAccountsQueryOptions());
}
