import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import { smsConversationResponseSchema, type SmsConversationResponse } from '@/types/api';

import { conversationChanged } from './conversation-cache';

/** `POST /api/sms/conversations/:id/reopen`: back in the open list. */
export function reopenConversation(conversationId: string): Promise<SmsConversationResponse> {
  return apiClient.post(
    `/api/sms/conversations/${encodeURIComponent(conversationId)}/reopen`,
    smsConversationResponseSchema,
  );
}

export function useReopenConversation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: reopenConversation,
    onSuccess: ({ conversation }) => conversationChanged(queryClient, conversation),
  });
}
