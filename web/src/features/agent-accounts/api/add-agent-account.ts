import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

import { accountsChanged } from './account-cache';
import {
  agentAccountResponseSchema,
  type AgentAccountResponse,
  type NewAgentAccount,
} from './schemas';

/**
 * `POST /api/admin/agents` (admins; CSRF) → 201 with the account, who may sign in at once with the
 * temporary password. 400 `invalid_argument` naming `email`, `displayName`, `role`, `queues`,
 * `team` or `password` (at least 12 characters); 409 `already_exists` naming `email` when another
 * account has that address (in any case).
 */
export function addAgentAccount(input: NewAgentAccount): Promise<AgentAccountResponse> {
  return apiClient.post('/api/admin/agents', agentAccountResponseSchema, { body: input });
}

export function useAddAgentAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addAgentAccount,
    onSuccess: () => accountsChanged(queryClient),
  });
}
