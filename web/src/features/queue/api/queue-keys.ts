export const queueKeys = {
  all: ['queue'] as const,
  counts: () => [...queueKeys.all, 'counts'] as const,
};
