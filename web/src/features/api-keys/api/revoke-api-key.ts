import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

import { apiKeyKeys } from './api-key-keys';
import { revokedApiKeySchema, type RevokedApiKey } from './schemas';

export type RevokeApiKeyInput = { agentId: string; keyId: string };

/**
 * `POST /api/admin/api-keys/:id/revoke` (admins; CSRF) → 200 `{key}`: refused from the machine
 * agent's next request on. 404 when no active key has that id (already revoked).
 */
export function revokeApiKey({ keyId }: RevokeApiKeyInput): Promise<RevokedApiKey> {
  return apiClient.post(
    `/api/admin/api-keys/${encodeURIComponent(keyId)}/revoke`,
    revokedApiKeySchema,
  );
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeApiKey,
    // A 404 means the list on screen is out of date too (someone else revoked it).
    onSettled: (_revoked, _error, { agentId }) =>
      queryClient.invalidateQueries({ queryKey: apiKeyKeys.forAgent(agentId) }),
  });
}
