export const customerKeys = {
  all: ['customers'] as const,
  searches: () => [...customerKeys.all, 'search'] as const,
  search: (q: string, page: number) => [...customerKeys.searches(), q, page] as const,
  records: () => [...customerKeys.all, 'record'] as const,
  record: (userId: string) => [...customerKeys.records(), userId] as const,
  agents: () => [...customerKeys.all, 'agents'] as const,
};
