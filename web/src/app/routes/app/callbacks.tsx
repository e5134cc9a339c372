import { CallbacksPage } from '@/features/callbacks/components/callbacks-page';

export function CallbacksRoute() {
  return <CallbacksPage />;
}
