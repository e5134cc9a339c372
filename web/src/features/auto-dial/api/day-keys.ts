export const dayKeys = {
  all: ['agent-day'] as const,
  mine: () => [...dayKeys.all, 'me'] as const,
};
