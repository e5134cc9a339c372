import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import { smsTemplatePreviewSchema, type SmsTemplatePreview } from '@/types/api';

import { smsTemplateKeys } from './sms-template-keys';

/**
 * `GET /api/sms/templates/:id/preview?userId=`: the template filled in for the customer, as they
 * would get it. 400 naming `templateId` when the template is retired or unknown.
 */
export function getSmsTemplatePreview(
  templateId: string,
  userId: string,
  signal?: AbortSignal,
): Promise<SmsTemplatePreview> {
  const query = new URLSearchParams({ userId });
  return apiClient.get(
    `/api/sms/templates/${encodeURIComponent(templateId)}/preview?${query.toString()}`,
    smsTemplatePreviewSchema,
    { signal },
  );
}

export function smsTemplatePreviewQueryOptions(templateId: string, userId: string) {
  return queryOptions({
    queryKey: smsTemplateKeys.preview(templateId, userId),
    queryFn: ({ signal }) => getSmsTemplatePreview(templateId, userId, signal),
    // Read again each time the template is chosen: an admin may have changed its words since.
    staleTime: 0,
  });
}

/** The preview of `templateId` for `userId`; nothing is asked while either is null. */
export function useSmsTemplatePreview(templateId: string | null, userId: string | null) {
  return useQuery({
    ...smsTemplatePreviewQueryOptions(templateId ?? '', userId ?? ''),
    enabled: templateId !== null && userId !== null,
  });
}
