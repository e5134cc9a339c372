import { PlaceholderPage } from '@/components/layouts/placeholder-page';

export function SmsRoute() {
  return <PlaceholderPage title="SMS" description="Sending and reading SMS arrives in a later issue." />;
}
