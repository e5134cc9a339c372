import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import {
  agentStatusResponseSchema,
  type AgentStatusRequest,
  type AgentStatusResponse,
} from '@/types/api';

import { statusKeys } from './status-keys';

/**
 * `PUT /api/agents/me/status`: the agent chooses available, a break (with its reason) or offline.
 * 409 during a call or its wrap-up (the outcome comes first); 400 names `status` or `reason`.
 */
export function setMyStatus(body: AgentStatusRequest): Promise<AgentStatusResponse> {
  return apiClient.put('/api/agents/me/status', agentStatusResponseSchema, { body });
}

export function useSetMyStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setMyStatus,
    onSuccess: (answer) => queryClient.setQueryData(statusKeys.mine(), answer),
    // A 409 means the server's status is not what this tab showed (a call started elsewhere).
    onError: () => queryClient.invalidateQueries({ queryKey: statusKeys.mine() }),
  });
}
