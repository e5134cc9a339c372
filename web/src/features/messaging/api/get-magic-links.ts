import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import { magicLinksResponseSchema, type MagicLinksResponse } from '@/types/api';

import { messagingKeys } from './messaging-keys';

/** `GET /api/magic-links?userId=`: the customer's links (an agent's: their own), newest first. */
export function getCustomerMagicLinks(
  userId: string,
  signal?: AbortSignal,
): Promise<MagicLinksResponse> {
  const query = new URLSearchParams({ userId });
  return apiClient.get(`/api/magic-links?${query.toString()}`, magicLinksResponseSchema, {
    signal,
  });
}

export function customerMagicLinksQueryOptions(userId: string) {
  return queryOptions({
    queryKey: messagingKeys.linksForCustomer(userId),
    queryFn: ({ signal }) => getCustomerMagicLinks(userId, signal),
  });
}

export function useCustomerMagicLinks(userId: string) {
  return useQuery(customerMagicLinksQueryOptions(userId));
}
