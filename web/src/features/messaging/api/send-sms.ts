import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import {
  smsResponseSchema,
  type SendSmsRequest,
  type SmsMessagesResponse,
  type SmsResponse,
} from '@/types/api';

import { messagingKeys } from './messaging-keys';

/**
 * `POST /api/sms/send`: queues a text to the customer, in the sender's words (`body`) or a
 * template's (`templateId`, filled in for the customer by the server). The same `idempotencyKey`
 * returns the text it queued, so a retry never sends twice. The contact rules may refuse it (409
 * with `denials`, see callRefusal); 400 names the field (`body`, `templateId` for a template no
 * longer in use, `idempotencyKey`).
 */
export function sendSms(body: SendSmsRequest): Promise<SmsResponse> {
  return apiClient.post('/api/sms/send', smsResponseSchema, { body });
}

export function useSendSms() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: sendSms,
    onSuccess: ({ sms }) => {
      // In the list at once (unless a retry already put it there), so its live events are
      // recognised before the list is reread.
      queryClient.setQueryData<SmsMessagesResponse>(
        messagingKeys.textsForCustomer(sms.userId),
        (current) =>
          current && {
            messages: current.messages.some((message) => message.id === sms.id)
              ? current.messages
              : [sms, ...current.messages],
          },
      );
    },
    onSettled: (_data, _error, { userId }) =>
      queryClient.invalidateQueries({ queryKey: messagingKeys.textsForCustomer(userId) }),
  });
}
