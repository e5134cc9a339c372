import { PlaceholderPage } from '@/components/layouts/placeholder-page';

export function CallbacksRoute() {
  return <PlaceholderPage title="Callbacks" description="Scheduled callbacks arrive in a later issue." />;
}
