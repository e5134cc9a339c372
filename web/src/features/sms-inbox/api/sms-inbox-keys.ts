import type { SmsConversationStatus } from '@/types/api';

export const smsInboxKeys = {
  all: ['sms-inbox'] as const,
  conversationLists: () => [...smsInboxKeys.all, 'conversations'] as const,
  conversations: (status: SmsConversationStatus) =>
    [...smsInboxKeys.conversationLists(), status] as const,
  unread: () => [...smsInboxKeys.all, 'unread'] as const,
  threads: () => [...smsInboxKeys.all, 'thread'] as const,
  thread: (conversationId: string) => [...smsInboxKeys.threads(), conversationId] as const,
};
