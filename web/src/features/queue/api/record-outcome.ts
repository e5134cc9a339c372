import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import { outcomeResponseSchema, type OutcomeRequest, type OutcomeResponse } from '@/types/api';

import { leadPath } from './lead-path';
import { queueKeys } from './queue-keys';

export type RecordOutcomeInput = { userId: string; body: OutcomeRequest };

/**
 * `POST /api/queue/leads/:userId/outcome`: records how the call went and releases the customer.
 * 400 names the field (`outcome`, `notes` or `callbackAt`); 409 when the hold is gone.
 */
export function recordOutcome({ userId, body }: RecordOutcomeInput): Promise<OutcomeResponse> {
  return apiClient.post(leadPath(userId, 'outcome'), outcomeResponseSchema, { body });
}

export function useRecordOutcome() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: recordOutcome,
    onSettled: () => queryClient.invalidateQueries({ queryKey: queueKeys.counts() }),
  });
}
