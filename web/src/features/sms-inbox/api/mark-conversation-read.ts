import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import { smsConversationResponseSchema, type SmsConversationResponse } from '@/types/api';

import { conversationChanged } from './conversation-cache';

/** `POST /api/sms/conversations/:id/read`: the customer's texts in it count as read. */
export function markConversationRead(conversationId: string): Promise<SmsConversationResponse> {
  return apiClient.post(
    `/api/sms/conversations/${encodeURIComponent(conversationId)}/read`,
    smsConversationResponseSchema,
  );
}

export function useMarkConversationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markConversationRead,
    onSuccess: ({ conversation }) => conversationChanged(queryClient, conversation),
  });
}
