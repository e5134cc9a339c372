import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

import { accountsChanged } from './account-cache';
import {
  agentAccountResponseSchema,
  type AgentAccountResponse,
  type NewAgentAccount,
} from './schemas';

/**
 * `POST /api/admin/agents` (admins; CSRF) → 201 with the account: a person may sign in at once
 * with the temporary password; a machine agent (`kind: "machine"`) works only with an API key made
 * for it. 400 `invalid_argument` naming `email`, `displayName`, `role`, `queues`, `team`, `kind`
 * or `password` (at least 12 characters; none for a machine agent, which is always an agent); 409
 * `already_exists` naming `email` when another account has that address (in any case).
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
