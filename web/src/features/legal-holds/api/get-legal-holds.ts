import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

import { legalHoldKeys, type LegalHoldFilter } from './legal-hold-keys';
import { legalHoldsResponseSchema, type LegalHoldsResponse } from './schemas';

/**
 * `GET /api/admin/legal-holds[?includeReleased=true]` (admins): the holds in force, or every one,
 * released ones too, newest first.
 */
export function getLegalHolds(
  filter: LegalHoldFilter,
  signal?: AbortSignal,
): Promise<LegalHoldsResponse> {
  return apiClient.get(
    filter.includeReleased
      ? '/api/admin/legal-holds?includeReleased=true'
      : '/api/admin/legal-holds',
    legalHoldsResponseSchema,
    { signal },
  );
}

export function legalHoldsQueryOptions(filter: LegalHoldFilter) {
  return queryOptions({
    queryKey: legalHoldKeys.list(filter),
    queryFn: ({ signal }) => getLegalHolds(filter, signal),
  });
}

export function useLegalHolds(filter: LegalHoldFilter) {
  return useQuery(legalHoldsQueryOptions(filter));
}
