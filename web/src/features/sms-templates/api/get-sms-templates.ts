import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import { smsTemplatesResponseSchema, type SmsTemplatesResponse } from '@/types/api';

import { smsTemplateKeys, type SmsTemplateScope } from './sms-template-keys';

/**
 * `GET /api/sms/templates[?includeRetired=true]`: the templates in use (what agents may send), or
 * every one, retired too (the admin's list), sorted by name.
 */
export function getSmsTemplates(
  scope: SmsTemplateScope,
  signal?: AbortSignal,
): Promise<SmsTemplatesResponse> {
  const path = scope === 'all' ? '/api/sms/templates?includeRetired=true' : '/api/sms/templates';
  return apiClient.get(path, smsTemplatesResponseSchema, { signal });
}

export function smsTemplatesQueryOptions(scope: SmsTemplateScope) {
  return queryOptions({
    queryKey: smsTemplateKeys.list(scope),
    queryFn: ({ signal }) => getSmsTemplates(scope, signal),
  });
}

export function useSmsTemplates(scope: SmsTemplateScope) {
  return useQuery(smsTemplatesQueryOptions(scope));
}
