import type { QueryClient } from '@tanstack/react-query';

import type { SmsTemplate, SmsTemplatesResponse } from '@/types/api';

import { smsTemplateKeys } from './sms-template-keys';

const byName = (a: SmsTemplate, b: SmsTemplate) => a.name.localeCompare(b.name);

/**
 * Puts a template the server just answered with into the cached lists at once (the admin's table
 * shows it without waiting), then has every list and preview read again.
 */
export function templateChanged(queryClient: QueryClient, template: SmsTemplate): Promise<void> {
  queryClient.setQueryData<SmsTemplatesResponse>(
    smsTemplateKeys.list('all'),
    (current) =>
      current && {
        templates: [...current.templates.filter((t) => t.id !== template.id), template].sort(
          byName,
        ),
      },
  );
  return refreshTemplates(queryClient);
}

/** Every list of templates and every preview is read again. */
export async function refreshTemplates(queryClient: QueryClient): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: smsTemplateKeys.all });
}
