import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import { isApiError } from '@/lib/api-error';
import {
  callRefusalSchema,
  callSessionResponseSchema,
  type CallRefusal,
  type CallSessionResponse,
} from '@/types/api';

import { callKeys } from './call-keys';

/**
 * `POST /api/call-sessions`: asks the contact rules again and, if they allow it, records the call
 * attempt and opens the session the browser then connects with. 409 with `denials` when the rules
 * refuse (see callRefusal); 409 without them when the agent no longer holds the customer.
 */
export function createCallSession(userId: string): Promise<CallSessionResponse> {
  return apiClient.post('/api/call-sessions', callSessionResponseSchema, { body: { userId } });
}

/** The contact rules' reasons when `error` is their refusal of a call; null for any other error. */
export function callRefusal(error: unknown): CallRefusal | null {
  if (!isApiError(error) || error.status !== 409) return null;
  const refusal = callRefusalSchema.safeParse(error.body);
  return refusal.success ? refusal.data : null;
}

export function useCreateCallSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCallSession,
    onSuccess: ({ callSession }) => {
      queryClient.setQueryData(callKeys.session(callSession.id), { callSession });
    },
  });
}
