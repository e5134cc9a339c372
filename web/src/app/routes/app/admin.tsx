import { PlaceholderPage } from '@/components/layouts/placeholder-page';

export function AdminRoute() {
  return <PlaceholderPage title="Admin" description="Agent and system administration arrives in a later issue." />;
}
