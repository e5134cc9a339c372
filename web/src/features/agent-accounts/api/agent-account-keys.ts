export const agentAccountKeys = {
  all: ['agent-accounts'] as const,
  list: () => [...agentAccountKeys.all, 'list'] as const,
};
