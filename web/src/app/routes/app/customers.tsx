import { PlaceholderPage } from '@/components/layouts/placeholder-page';

export function CustomersRoute() {
  return <PlaceholderPage title="Customers" description="Customer search is not available in this version of the dialler yet." />;
}
