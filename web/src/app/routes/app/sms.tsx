import { SmsInboxPage } from '@/features/sms-inbox/components/sms-inbox-page';

export function SmsRoute() {
  return <SmsInboxPage />;
}
