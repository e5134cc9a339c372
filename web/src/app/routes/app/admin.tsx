import { ConfigWarnings } from '@/features/admin-warnings/components/config-warnings';
import { AgentAccountsSection } from '@/features/agent-accounts/components/agent-accounts-section';
import { LegalHoldsSection } from '@/features/legal-holds/components/legal-holds-section';
import { SettingsSection } from '@/features/settings/components/settings-section';
import { SmsTemplatesSection } from '@/features/sms-templates/components/sms-templates-section';
import { SuppressionsSection } from '@/features/suppressions/components/suppressions-section';

/**
 * Administration: settings that need attention, the queue engine's settings, the do-not-contact
 * list, legal holds and the texts agents choose from. Each section has its own heading (h2) to
 * jump to.
 */
export function AdminRoute() {
  return (
    // Positioned, so that visually hidden text (absolutely placed) scrolls with the page inside
    // <main> rather than stretching the whole window.
    <div className="relative space-y-8">
      <h1 className="text-2xl font-semibold">Admin</h1>
      <ConfigWarnings />
      <AgentAccountsSection />
      <SettingsSection />
      <SuppressionsSection />
      <LegalHoldsSection />
      <SmsTemplatesSection />
    </div>
  );
}
