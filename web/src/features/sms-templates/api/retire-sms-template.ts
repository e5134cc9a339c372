import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import { smsTemplateResponseSchema, type SmsTemplateResponse } from '@/types/api';

import { templateChanged } from './template-cache';

/** `POST /api/sms/templates/:id/retire` (admins): agents no longer see it; texts sent keep it. */
export function retireSmsTemplate(id: string): Promise<SmsTemplateResponse> {
  return apiClient.post(
    `/api/sms/templates/${encodeURIComponent(id)}/retire`,
    smsTemplateResponseSchema,
  );
}

export function useRetireSmsTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: retireSmsTemplate,
    onSuccess: ({ template }) => templateChanged(queryClient, template),
  });
}
