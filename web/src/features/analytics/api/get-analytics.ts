import { useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

import { analyticsKeys } from './analytics-keys';
import {
  analyticsResponseSchema,
  type AnalyticsRange,
  type AnalyticsReport,
  type AnalyticsTable,
} from './schemas';

/** `from=2026-11-02&to=2026-11-08`: the days as they are, so that a 400 names the field. */
function rangeQuery({ from, to }: AnalyticsRange): string {
  return new URLSearchParams({ from, to }).toString();
}

/**
 * `GET /api/analytics?from=&to=` (supervisors, admins; 403 for agents): the figures of the UK
 * days `from` to `to`, both included. 400 naming `from` or `to` for a day that is not a date, a
 * To before the From, or a range longer than 92 days.
 */
export async function getAnalytics(
  range: AnalyticsRange,
  signal?: AbortSignal,
): Promise<AnalyticsReport> {
  const response = await apiClient.get(
    `/api/analytics?${rangeQuery(range)}`,
    analyticsResponseSchema,
    { signal },
  );
  return response.analytics;
}

/** The report of a range; read afresh when the page opens (the days may not be over yet). */
export function useAnalytics(range: AnalyticsRange) {
  return useQuery({
    queryKey: analyticsKeys.report(range),
    queryFn: ({ signal }) => getAnalytics(range, signal),
    staleTime: 0,
  });
}

/**
 * Where the browser downloads one table as CSV (`/api/analytics/days.csv?from=&to=`): a plain
 * link with the session cookie, so that the file is the server's, not rebuilt here.
 */
export function analyticsCsvHref(table: AnalyticsTable, range: AnalyticsRange): string {
  return `/api/analytics/${table}.csv?${rangeQuery(range)}`;
}

/**
 * Where the browser downloads every call of the range (`/api/analytics/calls.csv?from=&to=`): the
 * raw rows behind the figures, one per call session, streamed by the server. A plain link too.
 */
export function analyticsCallsCsvHref(range: AnalyticsRange): string {
  return `/api/analytics/calls.csv?${rangeQuery(range)}`;
}
