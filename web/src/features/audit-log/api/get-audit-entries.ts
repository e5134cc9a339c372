import { useInfiniteQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import { ukDayStartUtc } from '@/utils/uk-time';

import { auditKeys } from './audit-keys';
import { auditResponseSchema, type AuditFilters, type AuditResponse } from './schemas';

/**
 * The query string for one page: the filters set, the days as the instants UK midnight begins
 * them (the To day included, so up to the start of the day after), and `before` for a next page.
 * A day that is not a date is sent as it is, so that the server's 400 names the field.
 */
export function auditQuery(filters: AuditFilters, before: string | null): string {
  const query = new URLSearchParams();
  if (filters.agentId !== '') query.set('agentId', filters.agentId);
  if (filters.action !== '') query.set('action', filters.action);
  if (filters.userId !== '') query.set('userId', filters.userId);
  if (filters.from !== '') query.set('from', ukDayStartUtc(filters.from) ?? filters.from);
  if (filters.to !== '') query.set('to', ukDayStartUtc(filters.to, 1) ?? filters.to);
  if (before !== null) query.set('before', before);
  return query.toString();
}

/**
 * `GET /api/audit` (supervisors, admins): the audit trail, newest first, 50 entries a page. 400
 * names the filter it cannot take (`agentId`, `action`, `userId`, `from`, `to`).
 */
export function getAuditEntries(
  filters: AuditFilters,
  before: string | null,
  signal?: AbortSignal,
): Promise<AuditResponse> {
  const query = auditQuery(filters, before);
  return apiClient.get(`/api/audit${query ? `?${query}` : ''}`, auditResponseSchema, { signal });
}

/** The entries matching `filters`, a page at a time: the next one starts before the last listed. */
export function useAuditEntries(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: auditKeys.list(filters),
    queryFn: ({ pageParam, signal }) => getAuditEntries(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.hasMore ? (last.entries.at(-1)?.id ?? null) : null),
  });
}
