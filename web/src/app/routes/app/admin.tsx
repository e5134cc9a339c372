import { PlaceholderPage } from '@/components/layouts/placeholder-page';

export function AdminRoute() {
  return <PlaceholderPage title="Admin" description="Administration is not available in this version of the dialler yet; use the dialler command line." />;
}
