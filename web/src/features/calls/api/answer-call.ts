import { useMutation, useQueryClient } from '@tanstack/react-query';

import { queueKeys } from '@/features/queue/api/queue-keys';
import { apiClient } from '@/lib/api-client';
import { answerCallResponseSchema, type AnswerCallResponse } from '@/types/api';

import { callKeys } from './call-keys';

/**
 * `POST /api/call-sessions/:id/answer`: the agent takes the customer's call that rings for them.
 * The server holds the caller for the agent (giving back a customer they held but had not called)
 * and answers with them and the call's session. 404 when it is not the agent's call; 409 when it
 * no longer rings for them or another agent has the customer.
 */
export function answerCall(callSessionId: string): Promise<AnswerCallResponse> {
  return apiClient.post(
    `/api/call-sessions/${encodeURIComponent(callSessionId)}/answer`,
    answerCallResponseSchema,
  );
}

export function useAnswerCall() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: answerCall,
    onSuccess: ({ callSession }) => {
      queryClient.setQueryData(callKeys.session(callSession.id), { callSession });
      void queryClient.invalidateQueries({ queryKey: queueKeys.counts() });
    },
    // Answered or not, what rings for the agent has changed.
    onSettled: () => queryClient.invalidateQueries({ queryKey: callKeys.incoming() }),
  });
}
