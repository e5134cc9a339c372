import { RecordingsPage } from '@/features/recordings/components/recordings-page';

/** `/recordings?agent=&customer=&outcome=&from=&to=`: find and play calls' recordings. */
export function RecordingsRoute() {
  return <RecordingsPage />;
}
