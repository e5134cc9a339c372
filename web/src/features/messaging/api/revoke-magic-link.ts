import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import {
  magicLinkResponseSchema,
  type MagicLink,
  type MagicLinkResponse,
  type MagicLinksResponse,
} from '@/types/api';

import { messagingKeys } from './messaging-keys';

/** `POST /api/magic-links/:id/revoke`: the link stops working at once; 409 if it already had. */
export function revokeMagicLink(link: MagicLink): Promise<MagicLinkResponse> {
  return apiClient.post(
    `/api/magic-links/${encodeURIComponent(link.id)}/revoke`,
    magicLinkResponseSchema,
  );
}

export function useRevokeMagicLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeMagicLink,
    onSuccess: ({ magicLink }) => {
      queryClient.setQueryData<MagicLinksResponse>(
        messagingKeys.linksForCustomer(magicLink.userId),
        (current) =>
          current && {
            ...current,
            magicLinks: current.magicLinks.map((link) =>
              link.id === magicLink.id ? magicLink : link,
            ),
          },
      );
    },
    onSettled: (_data, _error, link) =>
      queryClient.invalidateQueries({ queryKey: messagingKeys.linksForCustomer(link.userId) }),
  });
}
