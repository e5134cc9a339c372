import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

import { suppressionsResponseSchema, type SuppressionsResponse } from './schemas';
import { suppressionKeys, type SuppressionFilter } from './suppression-keys';

/**
 * `GET /api/suppressions[?userId=&includeRemoved=true]` (supervisors, admins): the entries in
 * force, or every one, lifted ones too; 400 naming `userId` when it is not a customer number.
 */
export function getSuppressions(
  filter: SuppressionFilter,
  signal?: AbortSignal,
): Promise<SuppressionsResponse> {
  const query = new URLSearchParams();
  if (filter.userId !== null) query.set('userId', filter.userId);
  if (filter.includeRemoved) query.set('includeRemoved', 'true');
  const search = query.toString();
  return apiClient.get(
    search === '' ? '/api/suppressions' : `/api/suppressions?${search}`,
    suppressionsResponseSchema,
    { signal },
  );
}

export function suppressionsQueryOptions(filter: SuppressionFilter) {
  return queryOptions({
    queryKey: suppressionKeys.list(filter),
    queryFn: ({ signal }) => getSuppressions(filter, signal),
  });
}

export function useSuppressions(filter: SuppressionFilter) {
  return useQuery(suppressionsQueryOptions(filter));
}
