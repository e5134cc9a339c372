import { PlaceholderPage } from '@/components/layouts/placeholder-page';

export function SmsRoute() {
  return <PlaceholderPage title="SMS" description="Text messages are not available in this version of the dialler yet." />;
}
