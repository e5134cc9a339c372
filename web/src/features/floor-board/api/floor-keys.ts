export const floorKeys = {
  all: ['floor'] as const,
  board: () => [...floorKeys.all, 'board'] as const,
};
