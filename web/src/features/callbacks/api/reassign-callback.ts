import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

import { callbackChanged, refreshAfterRefusal } from './callback-cache';
import { callbackResponseSchema, type CallbackResponse } from './schemas';

export type ReassignCallbackInput = {
  callbackId: string;
  /** The agent who should call; null gives it to the team (anyone may take it). */
  agentId: string | null;
};

/**
 * `POST /api/callbacks/:id/reassign` (supervisors and admins; 403 for agents): who makes a pending
 * callback. 400 names `agentId` for someone who cannot take it; 409 when it is no longer pending.
 */
export function reassignCallback({
  callbackId,
  agentId,
}: ReassignCallbackInput): Promise<CallbackResponse> {
  return apiClient.post(
    `/api/callbacks/${encodeURIComponent(callbackId)}/reassign`,
    callbackResponseSchema,
    { body: { agentId } },
  );
}

export function useReassignCallback() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: reassignCallback,
    onSuccess: ({ callback }) => {
      void callbackChanged(queryClient, callback);
    },
    onError: (error) => refreshAfterRefusal(queryClient, error),
  });
}
