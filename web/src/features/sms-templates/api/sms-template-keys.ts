export const smsTemplateKeys = {
  all: ['sms-templates'] as const,
  lists: () => [...smsTemplateKeys.all, 'list'] as const,
  /** Those in use (what agents choose from), or every one, retired too (the admin's table). */
  list: (scope: SmsTemplateScope) => [...smsTemplateKeys.lists(), scope] as const,
  previews: () => [...smsTemplateKeys.all, 'preview'] as const,
  preview: (templateId: string, userId: string) =>
    [...smsTemplateKeys.previews(), templateId, userId] as const,
};

export type SmsTemplateScope = 'inUse' | 'all';
