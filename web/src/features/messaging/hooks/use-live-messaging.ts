import { useQueryClient } from '@tanstack/react-query';

import { useLiveEvents } from '@/features/calls/live/live-events';
import { useThrottledCallback } from '@/hooks/use-throttled-callback';
import type { LiveEvent, MagicLinksResponse, SmsMessagesResponse } from '@/types/api';

import { messagingKeys } from '../api/messaging-keys';

/** However many events arrive, each list is read at most once in this long. */
export const messagingRefreshGapMs = 1_000;

/**
 * Rereads the customer's links and texts when the live socket says one was sent, opened, revoked
 * or moved on, and after a reconnect, when some may have been missed. Events name only the link or
 * text, not the customer: one that is new (`sent`, `queued`) may be this customer's; a change to
 * one matters only when it is in this customer's list (supervisors hear about everyone's). The
 * texts are read again too when the customer's conversation in the SMS inbox changes (a text in,
 * read, assigned, closed or reopened), which the same answer carries.
 */
export function useLiveMessaging(userId: string): void {
  const queryClient = useQueryClient();
  const refreshLinks = useThrottledCallback(() => {
    void queryClient.invalidateQueries({ queryKey: messagingKeys.linksForCustomer(userId) });
  }, messagingRefreshGapMs);
  const refreshTexts = useThrottledCallback(() => {
    void queryClient.invalidateQueries({ queryKey: messagingKeys.textsForCustomer(userId) });
  }, messagingRefreshGapMs);

  function linkListed(event: LiveEvent): boolean {
    const links = queryClient.getQueryData<MagicLinksResponse>(
      messagingKeys.linksForCustomer(userId),
    );
    return !links || links.magicLinks.some((link) => link.id === event.subjectId);
  }

  function textListed(event: LiveEvent): boolean {
    const texts = queryClient.getQueryData<SmsMessagesResponse>(
      messagingKeys.textsForCustomer(userId),
    );
    return !texts || texts.messages.some((sms) => sms.id === event.subjectId);
  }

  // Until the customer's conversation is known (none yet, or one this user may not see), any
  // conversation that changed may be theirs: a first text, one handed to this user.
  function conversationShown(event: LiveEvent): boolean {
    const texts = queryClient.getQueryData<SmsMessagesResponse>(
      messagingKeys.textsForCustomer(userId),
    );
    return !texts?.conversation || texts.conversation.id === event.subjectId;
  }

  useLiveEvents(
    (event) => {
      if (event.type === 'magic_link' && (event.state === 'sent' || linkListed(event))) {
        refreshLinks();
      } else if (event.type === 'sms' && (event.state === 'queued' || textListed(event))) {
        refreshTexts();
      } else if (event.type === 'sms_conversation' && conversationShown(event)) {
        refreshTexts();
      }
    },
    () => {
      refreshLinks();
      refreshTexts();
    },
  );
}
