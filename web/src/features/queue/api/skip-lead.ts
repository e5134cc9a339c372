import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import { okResponseSchema, type OkResponse } from '@/types/api';

import { leadPath } from './lead-path';
import { queueKeys } from './queue-keys';

/** `POST /api/queue/leads/:userId/skip`: gives the customer back for 30 minutes. */
export function skipLead(userId: string): Promise<OkResponse> {
  return apiClient.post(leadPath(userId, 'skip'), okResponseSchema);
}

export function useSkipLead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: skipLead,
    onSettled: () => queryClient.invalidateQueries({ queryKey: queueKeys.counts() }),
  });
}
