import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

import { accountsChanged } from './account-cache';
import {
  agentAccountResponseSchema,
  type AgentAccountChanges,
  type AgentAccountResponse,
} from './schemas';

export type UpdateAgentAccountInput = { id: string; changes: AgentAccountChanges };

/**
 * `PATCH /api/admin/agents/:id` (admins; CSRF): only the fields sent change. A new role or queues,
 * and a deactivation, end the agent's sessions (the new rights apply from their next sign-in).
 * 400 naming the field; 404 for no such account; 409 `failed_precondition` naming `active` or
 * `role` when admins would deactivate themselves or give up their own admin role.
 */
export function updateAgentAccount({
  id,
  changes,
}: UpdateAgentAccountInput): Promise<AgentAccountResponse> {
  return apiClient.patch(
    `/api/admin/agents/${encodeURIComponent(id)}`,
    agentAccountResponseSchema,
    { body: changes },
  );
}

export function useUpdateAgentAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateAgentAccount,
    // A refusal may mean the list on screen is out of date (a 404: someone removed it).
    onSettled: () => accountsChanged(queryClient),
  });
}
