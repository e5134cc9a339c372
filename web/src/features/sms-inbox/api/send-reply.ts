import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import { smsResponseSchema, type SendReplyRequest, type SmsResponse } from '@/types/api';

import { refreshInbox } from './conversation-cache';

export type SendReplyInput = SendReplyRequest & { conversationId: string };

/**
 * `POST /api/sms/conversations/:id/messages`: queues a reply to the customer, in the sender's
 * words (`body`) or a template's (`templateId`). The same `idempotencyKey` returns the text it
 * queued, so a retry never sends twice. The contact rules may refuse it (409 with `denials`, see
 * callRefusal); a conversation with no customer is a 409 without them; 400 names the field
 * (`body`, `templateId`, `idempotencyKey`).
 */
export function sendReply({ conversationId, ...body }: SendReplyInput): Promise<SmsResponse> {
  return apiClient.post(
    `/api/sms/conversations/${encodeURIComponent(conversationId)}/messages`,
    smsResponseSchema,
    { body },
  );
}

export function useSendReply() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: sendReply,
    // The thread shows the reply (and its delivery) as the server lists it.
    onSettled: (_data, _error, { conversationId }) => refreshInbox(queryClient, conversationId),
  });
}
