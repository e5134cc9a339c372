import { useMutation, useQueryClient } from '@tanstack/react-query';

import { dayKeys } from '@/features/auto-dial/api/day-keys';
import { callKeys } from '@/features/calls/api/call-keys';
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
    onSettled: async () => {
      // The agent's day figures are reread too (the call's end may not have reached this tab);
      // nothing waits for them.
      void queryClient.invalidateQueries({ queryKey: dayKeys.mine() });
      // The outcome is linked to the call just made, so the customer's call list changes too.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queueKeys.counts() }),
        queryClient.invalidateQueries({ queryKey: callKeys.sessions() }),
      ]);
    },
  });
}
