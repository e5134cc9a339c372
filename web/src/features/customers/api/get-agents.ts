import { queryOptions, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';

import { apiClient } from '@/lib/api-client';

import { agentLabel } from '../labels';
import { customerKeys } from './customer-keys';
import { agentDirectorySchema, type AgentDirectory } from './schemas';

/** `GET /api/agents`: everyone on the floor with their display name. */
export function getAgents(signal?: AbortSignal): Promise<AgentDirectory> {
  return apiClient.get('/api/agents', agentDirectorySchema, { signal });
}

export function agentsQueryOptions() {
  return queryOptions({
    queryKey: customerKeys.agents(),
    queryFn: ({ signal }) => getAgents(signal),
    // Names hardly change during a shift: read once per page load.
    staleTime: Infinity,
  });
}

/**
 * A function naming an agent by id: their display name once the list has arrived, "Agent 3"
 * before that, when the list cannot be read, and for anyone not in it.
 */
export function useAgentNames(): (agentId: string) => string {
  const agents = useQuery(agentsQueryOptions());
  const list = agents.data?.agents;
  return useCallback(
    (agentId: string) => agentLabel(agentId, list?.find((agent) => agent.id === agentId)),
    [list],
  );
}
