import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import { nextLeadResponseSchema, type NextLeadResponse, type QueueChoice } from '@/types/api';

import { queueKeys } from './queue-keys';

/**
 * `POST /api/queue/next`: hands out (and holds for this agent) the next customer to call, or says
 * why there is none. An agent who already holds a customer gets that one again.
 */
export function nextLead(queue: QueueChoice): Promise<NextLeadResponse> {
  return apiClient.post('/api/queue/next', nextLeadResponseSchema, { body: { queue } });
}

export function useNextLead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: nextLead,
    onSettled: () => queryClient.invalidateQueries({ queryKey: queueKeys.counts() }),
  });
}
