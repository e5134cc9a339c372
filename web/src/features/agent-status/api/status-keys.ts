export const statusKeys = {
  all: ['agent-status'] as const,
  mine: () => [...statusKeys.all, 'me'] as const,
};
