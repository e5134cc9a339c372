import { useId } from 'react';

import { useSession } from '@/features/auth/api/get-me';
import { cn } from '@/utils/cn';

import { customerExportUrl, exportRoles } from '../api/export-customer';

/**
 * Download data export: the customer's subject-access export, offered to supervisors and admins
 * only. A plain link the browser downloads (the server names the file), styled as a secondary
 * button.
 */
export function CustomerExport({ userId }: { userId: string }) {
  const { agent } = useSession();
  const id = useId();
  if (!exportRoles.includes(agent.role)) return null;
  return (
    <div className="flex items-center gap-3">
      <p id={id} className="max-w-72 text-xs text-slate-600">
        Everything held about this customer, for a subject access request: JSON and CSV in a zip.
      </p>
      <a
        href={customerExportUrl(userId)}
        download
        aria-describedby={id}
        className={cn(
          'inline-flex shrink-0 items-center justify-center rounded-md px-3 py-2',
          'text-sm font-semibold shadow-sm',
          'bg-white text-slate-900 ring-1 ring-slate-300 ring-inset hover:bg-slate-50',
          'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-400',
        )}
      >
        Download data export
      </a>
    </div>
  );
}
