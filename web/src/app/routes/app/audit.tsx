import { AuditLogPage } from '@/features/audit-log/components/audit-log-page';

/** `/audit?agent=&action=&customer=&from=&to=`: who did what, and when. */
export function AuditRoute() {
  return <AuditLogPage />;
}
