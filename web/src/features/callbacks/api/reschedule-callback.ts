import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

import { callbackChanged, refreshAfterRefusal } from './callback-cache';
import { callbackResponseSchema, type CallbackResponse } from './schemas';

export type RescheduleCallbackInput = {
  callbackId: string;
  /** RFC 3339 UTC, inside the calling hours (the server checks; 400 naming `scheduledFor`). */
  scheduledFor: string;
};

/**
 * `POST /api/callbacks/:id/reschedule`: moves a pending callback. Agents may move only their own
 * (403); one no longer pending is 409.
 */
export function rescheduleCallback({
  callbackId,
  scheduledFor,
}: RescheduleCallbackInput): Promise<CallbackResponse> {
  return apiClient.post(
    `/api/callbacks/${encodeURIComponent(callbackId)}/reschedule`,
    callbackResponseSchema,
    { body: { scheduledFor } },
  );
}

export function useRescheduleCallback() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: rescheduleCallback,
    onSuccess: ({ callback }) => {
      void callbackChanged(queryClient, callback);
    },
    onError: (error) => refreshAfterRefusal(queryClient, error),
  });
}
