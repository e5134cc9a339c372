import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import { smsConversationResponseSchema, type SmsConversationResponse } from '@/types/api';

import { conversationChanged } from './conversation-cache';

/** `POST /api/sms/conversations/:id/close`: done with; it moves to the closed list. */
export function closeConversation(conversationId: string): Promise<SmsConversationResponse> {
  return apiClient.post(
    `/api/sms/conversations/${encodeURIComponent(conversationId)}/close`,
    smsConversationResponseSchema,
  );
}

export function useCloseConversation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: closeConversation,
    onSuccess: ({ conversation }) => conversationChanged(queryClient, conversation),
  });
}
