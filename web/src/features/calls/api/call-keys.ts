export const callKeys = {
  all: ['calls'] as const,
  token: () => [...callKeys.all, 'token'] as const,
  sessions: () => [...callKeys.all, 'sessions'] as const,
  session: (id: string) => [...callKeys.sessions(), 'one', id] as const,
  forCustomer: (userId: string) => [...callKeys.sessions(), 'customer', userId] as const,
  incoming: () => [...callKeys.all, 'incoming'] as const,
};
