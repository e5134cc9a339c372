import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

import { legalHoldKeys } from './legal-hold-keys';
import { legalHoldResponseSchema, type LegalHoldResponse } from './schemas';

export type ReleaseLegalHoldInput = { id: string; reason: string };

/**
 * `POST /api/admin/legal-holds/:id/release` (admins; CSRF) `{"reason"}`: the hold is kept, marked
 * released, and the retention job may clear the customer's old records from its next run. 400
 * naming `reason`; 404 when no hold in force has that id (someone released it already).
 */
export function releaseLegalHold({
  id,
  reason,
}: ReleaseLegalHoldInput): Promise<LegalHoldResponse> {
  return apiClient.post(
    `/api/admin/legal-holds/${encodeURIComponent(id)}/release`,
    legalHoldResponseSchema,
    { body: { reason } },
  );
}

export function useReleaseLegalHold() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: releaseLegalHold,
    // Also after a 404: the list then shows that the hold was released meanwhile.
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: legalHoldKeys.all });
    },
  });
}
