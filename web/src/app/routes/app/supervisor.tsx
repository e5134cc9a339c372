import { PlaceholderPage } from '@/components/layouts/placeholder-page';

export function SupervisorRoute() {
  return <PlaceholderPage title="Supervisor" description="The live floor view is not available in this version of the dialler yet." />;
}
