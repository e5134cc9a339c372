import { CustomerPage } from '@/features/customers/components/customer-page';
import { CustomerSearchPage } from '@/features/customers/components/customer-search-page';

/** `/customers?q=&page=`: find a customer. */
export function CustomersRoute() {
  return <CustomerSearchPage />;
}

/** `/customers/:userId`: one customer. */
export function CustomerRoute() {
  return <CustomerPage />;
}
