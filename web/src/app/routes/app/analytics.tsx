import { AnalyticsPage } from '@/features/analytics/components/analytics-page';

/** `/analytics?from=&to=`: a range of UK days' figures as charts, tables and CSV downloads. */
export function AnalyticsRoute() {
  return <AnalyticsPage />;
}
