import { PlaceholderPage } from '@/components/layouts/placeholder-page';

export function QueueRoute() {
  return <PlaceholderPage title="Queue" description="Calling from this screen is not available in this version of the dialler yet." />;
}
