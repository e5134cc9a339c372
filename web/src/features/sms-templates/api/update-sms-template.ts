import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import {
  smsTemplateResponseSchema,
  type SmsTemplateResponse,
  type SmsTemplateUpdate,
} from '@/types/api';

import { refreshTemplates, templateChanged } from './template-cache';

export type UpdateSmsTemplateInput = SmsTemplateUpdate & { id: string };

/**
 * `PUT /api/sms/templates/:id` (admins): new words for a template, answered with the next
 * version. `version` is the one the admin changed: 409 `failed_precondition` naming `version`
 * when someone else changed it meanwhile. Otherwise the errors of createSmsTemplate.
 */
export function updateSmsTemplate({
  id,
  ...body
}: UpdateSmsTemplateInput): Promise<SmsTemplateResponse> {
  return apiClient.put(
    `/api/sms/templates/${encodeURIComponent(id)}`,
    smsTemplateResponseSchema,
    { body },
  );
}

export function useUpdateSmsTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSmsTemplate,
    onSuccess: ({ template }) => templateChanged(queryClient, template),
    // A conflict means the list on screen is out of date.
    onError: () => refreshTemplates(queryClient),
  });
}
