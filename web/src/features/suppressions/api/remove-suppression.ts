import { useMutation, useQueryClient } from '@tanstack/react-query';

import { queueKeys } from '@/features/queue/api/queue-keys';
import { apiClient } from '@/lib/api-client';

import { suppressionResponseSchema, type SuppressionResponse } from './schemas';
import { suppressionKeys } from './suppression-keys';

export type RemoveSuppressionInput = { id: string; reason: string };

/**
 * `POST /api/suppressions/:id/remove` (supervisors, admins; CSRF) `{"reason"}`: the entry is kept,
 * marked removed, and the customers it covered may be contacted again. 400 naming `reason` when
 * it is missing; 404 when there is no entry in force with that id (someone lifted it already).
 */
export function removeSuppression({
  id,
  reason,
}: RemoveSuppressionInput): Promise<SuppressionResponse> {
  return apiClient.post(
    `/api/suppressions/${encodeURIComponent(id)}/remove`,
    suppressionResponseSchema,
    { body: { reason } },
  );
}

export function useRemoveSuppression() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeSuppression,
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: suppressionKeys.all }),
        queryClient.invalidateQueries({ queryKey: queueKeys.all }),
      ]);
    },
  });
}
