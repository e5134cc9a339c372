export type LegalHoldFilter = {
  /** Released holds too, not only those in force. */
  includeReleased: boolean;
};

export const legalHoldKeys = {
  all: ['legal-holds'] as const,
  lists: () => [...legalHoldKeys.all, 'list'] as const,
  list: (filter: LegalHoldFilter) => [...legalHoldKeys.lists(), filter] as const,
};
