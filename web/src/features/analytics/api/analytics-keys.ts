import type { AnalyticsRange } from './schemas';

export const analyticsKeys = {
  all: ['analytics'] as const,
  reports: () => [...analyticsKeys.all, 'report'] as const,
  report: (range: AnalyticsRange) => [...analyticsKeys.reports(), range] as const,
};
