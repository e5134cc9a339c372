import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import { okResponseSchema, type OkResponse } from '@/types/api';

import { leadPath } from './lead-path';
import { queueKeys } from './queue-keys';

/** `POST /api/queue/leads/:userId/release`: gives the customer back unchanged. */
export function releaseLead(userId: string): Promise<OkResponse> {
  return apiClient.post(leadPath(userId, 'release'), okResponseSchema);
}

export function useReleaseLead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: releaseLead,
    onSettled: () => queryClient.invalidateQueries({ queryKey: queueKeys.counts() }),
  });
}
