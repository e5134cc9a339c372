import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

import { legalHoldKeys } from './legal-hold-keys';
import {
  legalHoldResponseSchema,
  type LegalHoldResponse,
  type PlaceLegalHoldInput,
} from './schemas';

/**
 * `POST /api/admin/legal-holds` (admins; CSRF) → 201 with the hold, honoured by the next
 * retention run. 400 names `userId` (not a customer id) or `reason` (missing, too long); 404
 * naming `userId` for a customer the dialler does not know; 409 `already_exists` naming `userId`
 * when the customer is already under a hold.
 */
export function placeLegalHold(input: PlaceLegalHoldInput): Promise<LegalHoldResponse> {
  return apiClient.post('/api/admin/legal-holds', legalHoldResponseSchema, { body: input });
}

export function usePlaceLegalHold() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: placeLegalHold,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: legalHoldKeys.all });
    },
  });
}
