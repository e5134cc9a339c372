import { useInfiniteQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import { ukDayStartUtc } from '@/utils/uk-time';

import { recordingKeys } from './recording-keys';
import {
  recordingsResponseSchema,
  type RecordingFilters,
  type RecordingsResponse,
} from './schemas';

/**
 * The query string for one page: the filters set, the days as the instants UK midnight begins
 * them (the To day included, so up to the start of the day after), and `before` for a next page.
 * A day that is not a date is sent as it is, so that the server's 400 names the field.
 */
export function recordingsQuery(filters: RecordingFilters, before: string | null): string {
  const query = new URLSearchParams();
  if (filters.agentId !== '') query.set('agentId', filters.agentId);
  if (filters.userId !== '') query.set('userId', filters.userId);
  if (filters.outcome !== '') query.set('outcome', filters.outcome);
  if (filters.from !== '') query.set('from', ukDayStartUtc(filters.from) ?? filters.from);
  if (filters.to !== '') query.set('to', ukDayStartUtc(filters.to, 1) ?? filters.to);
  if (before !== null) query.set('before', before);
  return query.toString();
}

/**
 * `GET /api/recordings` (supervisors, admins): calls with a recording, newest first, 50 a page.
 * 400 names the filter it cannot take (`agentId`, `userId`, `outcome`, `from`, `to`).
 */
export function getRecordings(
  filters: RecordingFilters,
  before: string | null,
  signal?: AbortSignal,
): Promise<RecordingsResponse> {
  const query = recordingsQuery(filters, before);
  return apiClient.get(`/api/recordings${query ? `?${query}` : ''}`, recordingsResponseSchema, {
    signal,
  });
}

/** The calls matching `filters`, a page at a time: the next one starts before the last listed. */
export function useRecordings(filters: RecordingFilters) {
  return useInfiniteQuery({
    queryKey: recordingKeys.list(filters),
    queryFn: ({ pageParam, signal }) => getRecordings(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) =>
      last.hasMore ? (last.recordings.at(-1)?.callSessionId ?? null) : null,
  });
}
