// The words the agent sees for the conversations and messages the SMS inbox API sends.
import type { SmsConsent, SmsConversation, SmsThreadMessage } from '@/types/api';

/** The customer's name, or "Unknown number" when the number matches no customer. */
export function conversationName(
  conversation: Pick<SmsConversation, 'customerName' | 'userId'>,
): string {
  const name = conversation.customerName?.trim();
  if (conversation.userId === null) return 'Unknown number';
  return name ? name : `Customer ${conversation.userId}`;
}

/** "Alice Agent", or "Unassigned". */
export function assigneeLabel(
  conversation: Pick<SmsConversation, 'assignedAgentName' | 'assignedAgentId'>,
): string {
  if (conversation.assignedAgentId === null) return 'Unassigned';
  return conversation.assignedAgentName ?? `Agent ${conversation.assignedAgentId}`;
}

/** "1 unread", "3 unread". */
export function unreadLabel(count: number): string {
  return `${count} unread`;
}

export const consentLabels: Record<SmsConsent, string> = {
  opt_out: 'Opted out',
  opt_in: 'Opted back in',
  mentions_stop: 'Mentions stop',
};

/** Who a message is from, as the thread names it. */
export function senderLabel(message: SmsThreadMessage, myAgentId: string): string {
  if (message.direction === 'inbound') return 'Customer';
  if (message.agentId === null) return 'Automatic';
  return message.agentId === myAgentId ? 'You' : 'Agent';
}
