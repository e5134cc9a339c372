import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import { smsConversationResponseSchema, type SmsConversationResponse } from '@/types/api';

import { conversationChanged } from './conversation-cache';

export type AssignConversationInput = {
  conversationId: string;
  /** Who should answer it; null leaves it unassigned. Agents may name only themselves (403). */
  agentId: string | null;
};

/** `POST /api/sms/conversations/:id/assign`: who answers the conversation. */
export function assignConversation({
  conversationId,
  agentId,
}: AssignConversationInput): Promise<SmsConversationResponse> {
  return apiClient.post(
    `/api/sms/conversations/${encodeURIComponent(conversationId)}/assign`,
    smsConversationResponseSchema,
    { body: { agentId } },
  );
}

export function useAssignConversation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: assignConversation,
    onSuccess: ({ conversation }) => conversationChanged(queryClient, conversation),
  });
}
