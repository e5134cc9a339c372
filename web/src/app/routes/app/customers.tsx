import { PlaceholderPage } from '@/components/layouts/placeholder-page';

export function CustomersRoute() {
  return <PlaceholderPage title="Customers" description="Customer search and details arrive in a later issue." />;
}
