import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import {
  magicLinkResponseSchema,
  type MagicLinkResponse,
  type MagicLinksResponse,
  type SendMagicLinkRequest,
} from '@/types/api';

import { messagingKeys } from './messaging-keys';

/**
 * `POST /api/magic-links`: makes a link for the customer and texts it to them. The contact rules
 * may refuse the text (409 with `denials`, see callRefusal); 429 after 5 links in 24 hours; 400
 * names the field (`type`, `callSessionId`).
 */
export function sendMagicLink(body: SendMagicLinkRequest): Promise<MagicLinkResponse> {
  return apiClient.post('/api/magic-links', magicLinkResponseSchema, { body });
}

export function useSendMagicLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: sendMagicLink,
    onSuccess: ({ magicLink }) => {
      // In the list at once, so that its live events are recognised before the list is reread.
      queryClient.setQueryData<MagicLinksResponse>(
        messagingKeys.linksForCustomer(magicLink.userId),
        (current) => current && { ...current, magicLinks: [magicLink, ...current.magicLinks] },
      );
    },
    // The link went out as a text, so both lists change; a refused one may be listed as revoked.
    onSettled: (_data, _error, { userId }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: messagingKeys.linksForCustomer(userId) }),
        queryClient.invalidateQueries({ queryKey: messagingKeys.textsForCustomer(userId) }),
      ]),
  });
}
