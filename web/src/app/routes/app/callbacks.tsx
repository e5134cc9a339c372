import { PlaceholderPage } from '@/components/layouts/placeholder-page';

export function CallbacksRoute() {
  return <PlaceholderPage title="Callbacks" description="The callbacks list is not available in this version of the dialler yet." />;
}
