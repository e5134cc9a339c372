export type SuppressionFilter = {
  /** Only the entries of this customer; null for every entry. */
  userId: string | null;
  /** Lifted entries too. */
  includeRemoved: boolean;
};

export const suppressionKeys = {
  all: ['suppressions'] as const,
  lists: () => [...suppressionKeys.all, 'list'] as const,
  list: (filter: SuppressionFilter) => [...suppressionKeys.lists(), filter] as const,
};
