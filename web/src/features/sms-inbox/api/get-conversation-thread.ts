import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import { smsThreadResponseSchema, type SmsThreadResponse } from '@/types/api';

import { smsInboxKeys } from './sms-inbox-keys';

/**
 * `GET /api/sms/conversations/:id/messages`: the conversation (whether a reply may be sent) and
 * its messages, oldest first.
 */
export function getConversationThread(
  conversationId: string,
  signal?: AbortSignal,
): Promise<SmsThreadResponse> {
  return apiClient.get(
    `/api/sms/conversations/${encodeURIComponent(conversationId)}/messages`,
    smsThreadResponseSchema,
    { signal },
  );
}

export function conversationThreadQueryOptions(conversationId: string) {
  return queryOptions({
    queryKey: smsInboxKeys.thread(conversationId),
    queryFn: ({ signal }) => getConversationThread(conversationId, signal),
  });
}

export function useConversationThread(conversationId: string) {
  return useQuery(conversationThreadQueryOptions(conversationId));
}
