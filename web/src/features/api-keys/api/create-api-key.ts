import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

import { apiKeyKeys } from './api-key-keys';
import { createdApiKeySchema, type CreatedApiKey, type NewApiKey } from './schemas';

export type CreateApiKeyInput = { agentId: string; key: NewApiKey };

/**
 * `POST /api/admin/agents/:id/api-keys` (admins; CSRF) → 201 `{key, secret}`: the secret is in
 * this answer only (the server keeps its hash). 400 naming `actions` or `queues`; 404 for no such
 * account; 409 naming `agentId` for a person's account or a deactivated one.
 */
export function createApiKey({ agentId, key }: CreateApiKeyInput): Promise<CreatedApiKey> {
  return apiClient.post(
    `/api/admin/agents/${encodeURIComponent(agentId)}/api-keys`,
    createdApiKeySchema,
    { body: key },
  );
}

export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createApiKey,
    // The list is read again rather than given the answer: the secret must stay out of the cache.
    onSuccess: (_created, { agentId }) =>
      queryClient.invalidateQueries({ queryKey: apiKeyKeys.forAgent(agentId) }),
  });
}
