import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

import { refreshTemplates } from '../api/template-cache';

/** Reads the templates (and previews) again: one chosen was retired or changed meanwhile. */
export function useRefreshTemplates(): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => void refreshTemplates(queryClient), [queryClient]);
}
