import { PlaceholderPage } from '@/components/layouts/placeholder-page';

export function SupervisorRoute() {
  return <PlaceholderPage title="Supervisor" description="The supervisor's live view arrives in a later issue." />;
}
