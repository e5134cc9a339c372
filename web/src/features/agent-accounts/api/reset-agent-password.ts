import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

import { accountsChanged } from './account-cache';
import { okResponseSchema, type OkResponse } from './schemas';

export type ResetAgentPasswordInput = { id: string; password: string };

/**
 * `POST /api/admin/agents/:id/password` (admins; CSRF) `{"password"}`: a new temporary password,
 * which ends the agent's sessions. 400 naming `password` (at least 12 characters); 404 for no
 * such account; 409 naming `password` for a machine agent (it has none).
 */
export function resetAgentPassword({ id, password }: ResetAgentPasswordInput): Promise<OkResponse> {
  return apiClient.post(
    `/api/admin/agents/${encodeURIComponent(id)}/password`,
    okResponseSchema,
    { body: { password } },
  );
}

export function useResetAgentPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resetAgentPassword,
    // The account's "password last set" moves on.
    onSuccess: () => accountsChanged(queryClient),
  });
}
