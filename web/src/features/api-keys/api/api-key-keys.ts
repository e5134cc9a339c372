export const apiKeyKeys = {
  all: ['api-keys'] as const,
  forAgent: (agentId: string) => [...apiKeyKeys.all, 'agent', agentId] as const,
};
