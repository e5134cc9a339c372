import type { QueryClient } from '@tanstack/react-query';

import type { SmsConversation, SmsThreadResponse } from '@/types/api';

import { smsInboxKeys } from './sms-inbox-keys';

/**
 * Puts a conversation as a change answered it (read, assigned, closed …) into its open thread at
 * once, then has the lists, the unread count and the thread read again: the change moves it in
 * the lists, and whether a reply may be sent is the server's to say.
 */
export function conversationChanged(
  queryClient: QueryClient,
  conversation: SmsConversation,
): Promise<unknown> {
  queryClient.setQueryData<SmsThreadResponse>(
    smsInboxKeys.thread(conversation.id),
    (current) =>
      current && { ...current, conversation: { ...current.conversation, ...conversation } },
  );
  return refreshInbox(queryClient, conversation.id);
}

/** Marks the lists, the unread count and one thread stale; those on screen are read again. */
export function refreshInbox(queryClient: QueryClient, conversationId: string): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: smsInboxKeys.conversationLists() }),
    queryClient.invalidateQueries({ queryKey: smsInboxKeys.unread() }),
    queryClient.invalidateQueries({ queryKey: smsInboxKeys.thread(conversationId) }),
  ]);
}
