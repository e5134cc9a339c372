import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

import { callbackChanged, refreshAfterRefusal } from './callback-cache';
import { callbackResponseSchema, type CallbackResponse } from './schemas';

export type CancelCallbackInput = {
  callbackId: string;
  /** Why it is cancelled, in the agent's words (required; 400 naming `reason` when empty). */
  reason: string;
};

/**
 * `POST /api/callbacks/:id/cancel`: closes a pending callback with the reason. Agents may cancel
 * only their own (403); one no longer pending is 409.
 */
export function cancelCallback({
  callbackId,
  reason,
}: CancelCallbackInput): Promise<CallbackResponse> {
  return apiClient.post(
    `/api/callbacks/${encodeURIComponent(callbackId)}/cancel`,
    callbackResponseSchema,
    { body: { reason } },
  );
}

export function useCancelCallback() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cancelCallback,
    onSuccess: ({ callback }) => {
      void callbackChanged(queryClient, callback);
    },
    onError: (error) => refreshAfterRefusal(queryClient, error),
  });
}
