import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import { callSessionsResponseSchema, type CallSessionsResponse } from '@/types/api';

import { callKeys } from './call-keys';

/** `GET /api/call-sessions?userId=`: the customer's calls, newest first (an agent's: their own). */
export function getCustomerCallSessions(
  userId: string,
  signal?: AbortSignal,
): Promise<CallSessionsResponse> {
  const query = new URLSearchParams({ userId });
  return apiClient.get(`/api/call-sessions?${query.toString()}`, callSessionsResponseSchema, {
    signal,
  });
}

export function customerCallSessionsQueryOptions(userId: string) {
  return queryOptions({
    queryKey: callKeys.forCustomer(userId),
    queryFn: ({ signal }) => getCustomerCallSessions(userId, signal),
  });
}

export function useCustomerCallSessions(userId: string) {
  return useQuery(customerCallSessionsQueryOptions(userId));
}
