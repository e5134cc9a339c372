import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import {
  smsConversationsResponseSchema,
  type SmsConversationsResponse,
  type SmsConversationStatus,
} from '@/types/api';

import { smsInboxKeys } from './sms-inbox-keys';

/**
 * `GET /api/sms/conversations?status=`: the open (or closed) conversations the user may see,
 * unread first, then newest. Agents see the unassigned ones and their own; supervisors all.
 */
export function getConversations(
  status: SmsConversationStatus,
  signal?: AbortSignal,
): Promise<SmsConversationsResponse> {
  const query = new URLSearchParams({ status });
  return apiClient.get(
    `/api/sms/conversations?${query.toString()}`,
    smsConversationsResponseSchema,
    { signal },
  );
}

export function conversationsQueryOptions(status: SmsConversationStatus) {
  return queryOptions({
    queryKey: smsInboxKeys.conversations(status),
    queryFn: ({ signal }) => getConversations(status, signal),
  });
}

export function useConversations(status: SmsConversationStatus) {
  return useQuery(conversationsQueryOptions(status));
}
