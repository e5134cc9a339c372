import type { CallbackScope } from './schemas';

export const callbackKeys = {
  all: ['callbacks'] as const,
  lists: () => [...callbackKeys.all, 'list'] as const,
  list: (scope: CallbackScope) => [...callbackKeys.lists(), scope] as const,
  team: () => [...callbackKeys.all, 'team-members'] as const,
};
