import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

import { customerKeys } from './customer-keys';
import { customerSearchResponseSchema, type CustomerSearchResponse } from './schemas';

/**
 * `GET /api/customers?q=&page=`: customers whose name, phone, email or customer number match `q`,
 * one page at a time (`hasMore` when there is a next one). 400 names the field (`q`, `page`).
 */
export function searchCustomers(
  q: string,
  page: number,
  signal?: AbortSignal,
): Promise<CustomerSearchResponse> {
  const query = new URLSearchParams({ q, page: String(page) });
  return apiClient.get(`/api/customers?${query.toString()}`, customerSearchResponseSchema, {
    signal,
  });
}

export function customerSearchQueryOptions(q: string, page: number) {
  return queryOptions({
    queryKey: customerKeys.search(q, page),
    queryFn: ({ signal }) => searchCustomers(q, page, signal),
  });
}

/**
 * The matches for `q` (nothing is asked while it is empty). Turning the page keeps the previous
 * page on screen until the next arrives, so the Previous and Next buttons keep the focus.
 */
export function useCustomerSearch(q: string, page: number) {
  return useQuery({
    ...customerSearchQueryOptions(q, page),
    enabled: q !== '',
    placeholderData: (previous, previousQuery) =>
      // Only another page of the same search stands in; a new search shows that it is searching.
      previousQuery?.queryKey[2] === q ? keepPreviousData(previous) : undefined,
  });
}
