export const queueKeys = {
  all: ['queue'] as const,
  counts: () => [...queueKeys.all, 'counts'] as const,
  callingHours: (days: number) => [...queueKeys.all, 'calling-hours', days] as const,
};
