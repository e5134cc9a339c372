import { ConfigWarnings } from '@/features/admin-warnings/components/config-warnings';
import { SmsTemplatesSection } from '@/features/sms-templates/components/sms-templates-section';

/** Administration: settings that need attention, and the texts agents choose from. */
export function AdminRoute() {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Admin</h1>
      <ConfigWarnings />
      <SmsTemplatesSection />
    </div>
  );
}
