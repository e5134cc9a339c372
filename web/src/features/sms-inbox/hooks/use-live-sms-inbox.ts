import { useQueryClient } from '@tanstack/react-query';

import { useLiveEvents } from '@/features/calls/live/live-events';
import { useThrottledCallback } from '@/hooks/use-throttled-callback';
import type { LiveEvent, SmsThreadResponse } from '@/types/api';

import { smsInboxKeys } from '../api/sms-inbox-keys';

/** However many events arrive, the lists and the thread are each read at most once in this long. */
export const inboxRefreshGapMs = 1_000;

/**
 * Keeps the inbox page current from the live socket, never by polling: a conversation that
 * changed (`sms_conversation`: a message came in, it was read, assigned, closed or reopened)
 * rereads the lists and the open thread; a text that moved on (`sms`: queued, sent, delivered …)
 * rereads the open thread when it is one of its messages, or may be (a new one). After a
 * reconnect everything is read again, since events may have been missed.
 */
export function useLiveSmsInbox(openConversationId: string | null): void {
  const queryClient = useQueryClient();
  const refreshLists = useThrottledCallback(() => {
    void queryClient.invalidateQueries({ queryKey: smsInboxKeys.conversationLists() });
  }, inboxRefreshGapMs);
  // Every thread is marked stale, but only the one on screen is read now.
  const refreshThreads = useThrottledCallback(() => {
    void queryClient.invalidateQueries({ queryKey: smsInboxKeys.threads() });
  }, inboxRefreshGapMs);

  function inOpenThread(event: LiveEvent): boolean {
    if (openConversationId === null) return false;
    const thread = queryClient.getQueryData<SmsThreadResponse>(
      smsInboxKeys.thread(openConversationId),
    );
    const id = event.subjectId;
    return (
      !thread ||
      (id != null && thread.messages.some((m) => m.id === id || m.id === `out-${id}`))
    );
  }

  useLiveEvents(
    (event) => {
      if (event.type === 'sms_conversation') {
        refreshLists();
        refreshThreads();
      } else if (event.type === 'sms') {
        if (event.state === 'queued') refreshLists();
        if (event.state === 'queued' || inOpenThread(event)) refreshThreads();
      }
    },
    () => {
      refreshLists();
      refreshThreads();
    },
  );
}
