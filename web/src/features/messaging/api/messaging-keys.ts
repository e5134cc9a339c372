export const messagingKeys = {
  all: ['messaging'] as const,
  links: () => [...messagingKeys.all, 'links'] as const,
  linksForCustomer: (userId: string) => [...messagingKeys.links(), 'customer', userId] as const,
  texts: () => [...messagingKeys.all, 'texts'] as const,
  textsForCustomer: (userId: string) => [...messagingKeys.texts(), 'customer', userId] as const,
};
