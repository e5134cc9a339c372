import { PlaceholderPage } from '@/components/layouts/placeholder-page';

export function QueueRoute() {
  return <PlaceholderPage title="Queue" description="The call queue arrives in a later issue." />;
}
