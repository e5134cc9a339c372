import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

import { customerKeys } from './customer-keys';
import { customerRecordSchema, type CustomerRecord } from './schemas';

/**
 * `GET /api/customers/:id`: the customer (as the queue hands them out), where they stand, what the
 * contact gate says now, and their timeline. 404 when there is no such customer. The server
 * audits every view.
 */
export function getCustomer(userId: string, signal?: AbortSignal): Promise<CustomerRecord> {
  return apiClient.get(`/api/customers/${encodeURIComponent(userId)}`, customerRecordSchema, {
    signal,
  });
}

export function customerQueryOptions(userId: string) {
  return queryOptions({
    queryKey: customerKeys.record(userId),
    queryFn: ({ signal }) => getCustomer(userId, signal),
  });
}

export function useCustomer(userId: string) {
  return useQuery(customerQueryOptions(userId));
}
