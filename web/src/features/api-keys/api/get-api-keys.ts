import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

import { apiKeyKeys } from './api-key-keys';
import { apiKeysResponseSchema, type ApiKeysResponse } from './schemas';

/** `GET /api/admin/agents/:id/api-keys` (admins): the agent's keys, revoked ones too. */
export function getApiKeys(agentId: string, signal?: AbortSignal): Promise<ApiKeysResponse> {
  return apiClient.get(
    `/api/admin/agents/${encodeURIComponent(agentId)}/api-keys`,
    apiKeysResponseSchema,
    { signal },
  );
}

export function apiKeysQueryOptions(agentId: string) {
  return queryOptions({
    queryKey: apiKeyKeys.forAgent(agentId),
    queryFn: ({ signal }) => getApiKeys(agentId, signal),
  });
}

export function useApiKeys(agentId: string) {
  return useQuery(apiKeysQueryOptions(agentId));
}
