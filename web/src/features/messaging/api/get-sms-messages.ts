import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import { smsMessagesResponseSchema, type SmsMessagesResponse } from '@/types/api';

import { messagingKeys } from './messaging-keys';

/** `GET /api/sms/messages?userId=`: the customer's texts (an agent's: their own), newest first. */
export function getCustomerSmsMessages(
  userId: string,
  signal?: AbortSignal,
): Promise<SmsMessagesResponse> {
  const query = new URLSearchParams({ userId });
  return apiClient.get(`/api/sms/messages?${query.toString()}`, smsMessagesResponseSchema, {
    signal,
  });
}

export function customerSmsMessagesQueryOptions(userId: string) {
  return queryOptions({
    queryKey: messagingKeys.textsForCustomer(userId),
    queryFn: ({ signal }) => getCustomerSmsMessages(userId, signal),
  });
}

export function useCustomerSmsMessages(userId: string) {
  return useQuery(customerSmsMessagesQueryOptions(userId));
}
