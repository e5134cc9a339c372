import { useMutation, useQueryClient } from '@tanstack/react-query';

import { queueKeys } from '@/features/queue/api/queue-keys';
import { apiClient } from '@/lib/api-client';

import {
  suppressionResponseSchema,
  type SuppressionInput,
  type SuppressionResponse,
} from './schemas';
import { suppressionKeys } from './suppression-keys';

/**
 * `POST /api/suppressions` (any role; CSRF) → 201 with the entry, in force at once: the customers
 * it covers leave the queues. 400 names the field (`userId`, `phone`: not a valid number,
 * `channel`, `reason`: required); 404 naming `userId` for a customer the dialler does not know.
 */
export function addSuppression(input: SuppressionInput): Promise<SuppressionResponse> {
  return apiClient.post('/api/suppressions', suppressionResponseSchema, { body: input });
}

export function useAddSuppression() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addSuppression,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: suppressionKeys.all }),
        queryClient.invalidateQueries({ queryKey: queueKeys.all }),
      ]);
    },
  });
}
