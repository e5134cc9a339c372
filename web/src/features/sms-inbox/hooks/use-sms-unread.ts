import { useQueryClient } from '@tanstack/react-query';

import { useLiveEvents } from '@/features/calls/live/live-events';
import { useThrottledCallback } from '@/hooks/use-throttled-callback';

import { useUnreadCount } from '../api/get-unread-count';
import { smsInboxKeys } from '../api/sms-inbox-keys';
import { inboxRefreshGapMs } from './use-live-sms-inbox';

/**
 * How many customers' texts nobody has read (0 until known, and for a role without the inbox),
 * for the navigation's badge on every page: read again when the live socket says a conversation
 * changed, and after a reconnect. Never polled.
 */
export function useSmsUnread(enabled: boolean): number {
  const queryClient = useQueryClient();
  const unread = useUnreadCount(enabled);
  const refresh = useThrottledCallback(() => {
    void queryClient.invalidateQueries({ queryKey: smsInboxKeys.unread() });
  }, inboxRefreshGapMs);

  useLiveEvents(
    (event) => {
      if (enabled && event.type === 'sms_conversation') refresh();
    },
    () => {
      if (enabled) refresh();
    },
  );
  return enabled ? (unread.data?.unread ?? 0) : 0;
}
