import { SmsTemplatesSection } from '@/features/sms-templates/components/sms-templates-section';

/** Administration: for now the texts agents choose from. */
export function AdminRoute() {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Admin</h1>
      <SmsTemplatesSection />
    </div>
  );
}
