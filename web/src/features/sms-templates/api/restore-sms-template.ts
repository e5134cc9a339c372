import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import { smsTemplateResponseSchema, type SmsTemplateResponse } from '@/types/api';

import { templateChanged } from './template-cache';

/** `POST /api/sms/templates/:id/restore` (admins): a retired template is in use again. */
export function restoreSmsTemplate(id: string): Promise<SmsTemplateResponse> {
  return apiClient.post(
    `/api/sms/templates/${encodeURIComponent(id)}/restore`,
    smsTemplateResponseSchema,
  );
}

export function useRestoreSmsTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: restoreSmsTemplate,
    onSuccess: ({ template }) => templateChanged(queryClient, template),
  });
}
