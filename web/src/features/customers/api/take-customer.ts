import { useMutation, useQueryClient } from '@tanstack/react-query';

import { queueKeys } from '@/features/queue/api/queue-keys';
import { apiClient } from '@/lib/api-client';

import { customerKeys } from './customer-keys';
import { takeLeadResponseSchema, type TakeLeadResponse } from './schemas';

/**
 * `POST /api/queue/leads/:userId/take`: holds this customer for the caller, as Next customer would
 * have, so the call can be made from the queue page. 409 when the contact rules refuse a call now
 * (with `denials` and `nextAllowedAt`, see callRefusal) or someone else holds them.
 */
export function takeCustomer(userId: string): Promise<TakeLeadResponse> {
  return apiClient.post(
    `/api/queue/leads/${encodeURIComponent(userId)}/take`,
    takeLeadResponseSchema,
  );
}

export function useTakeCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: takeCustomer,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queueKeys.counts() });
    },
    // Refused: the contact rules or the holder changed since the page was read, so read it again.
    // Not awaited, so that the refusal shows at once.
    onError: (_error, userId) => {
      void queryClient.invalidateQueries({ queryKey: customerKeys.record(userId) });
    },
  });
}
