import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import {
  smsTemplateResponseSchema,
  type SmsTemplateInput,
  type SmsTemplateResponse,
} from '@/types/api';

import { templateChanged } from './template-cache';

/**
 * `POST /api/sms/templates` (admins): a new template, version 1. 400 names the field (`name`,
 * `kind`, `body`: an unknown placeholder, unbalanced braces, a marketing text without a STOP
 * line); 409 `already_exists` naming `name` when another template has the name.
 */
export function createSmsTemplate(body: SmsTemplateInput): Promise<SmsTemplateResponse> {
  return apiClient.post('/api/sms/templates', smsTemplateResponseSchema, { body });
}

export function useCreateSmsTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSmsTemplate,
    onSuccess: ({ template }) => templateChanged(queryClient, template),
  });
}
