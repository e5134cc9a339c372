import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import { smsUnreadResponseSchema, type SmsUnreadResponse } from '@/types/api';

import { smsInboxKeys } from './sms-inbox-keys';

/** `GET /api/sms/unread`: how many texts from customers nobody has read yet. */
export function getUnreadCount(signal?: AbortSignal): Promise<SmsUnreadResponse> {
  return apiClient.get('/api/sms/unread', smsUnreadResponseSchema, { signal });
}

export function unreadCountQueryOptions() {
  return queryOptions({
    queryKey: smsInboxKeys.unread(),
    queryFn: ({ signal }) => getUnreadCount(signal),
  });
}

/** The unread count; not asked for at all while `enabled` is false (roles without the inbox). */
export function useUnreadCount(enabled: boolean) {
  return useQuery({ ...unreadCountQueryOptions(), enabled });
}
