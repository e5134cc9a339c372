import { Link } from 'react-router';

import { Button } from '@/components/ui/button';
import { paths } from '@/config/paths';
import { cn } from '@/utils/cn';
import { formatDuration } from '@/utils/duration';
import { formatUkDateTime } from '@/utils/uk-time';

import type { CallbackRow } from '../api/schemas';
import {
  agentName,
  callbackCustomerName,
  closedReasonLabel,
  statusLabel,
  type StatusLabel,
} from '../labels';

export type CallbackAction = 'reschedule' | 'reassign' | 'cancel';

/** What the signed-in user may do to a pending callback. */
export type Permissions = {
  /** Reschedule and Cancel: agents their own only (the server says 403 otherwise). */
  canChange: (callback: CallbackRow) => boolean;
  /** Reassign: supervisors and admins. */
  canReassign: boolean;
};

const statusTones: Record<StatusLabel['tone'], string> = {
  overdue: 'bg-red-100 text-red-900 ring-red-300',
  pending: 'bg-sky-50 text-sky-900 ring-sky-200',
  completed: 'bg-emerald-50 text-emerald-900 ring-emerald-200',
  cancelled: 'bg-slate-100 text-slate-700 ring-slate-300',
};

const actionWords: Record<CallbackAction, string> = {
  reschedule: 'Reschedule',
  reassign: 'Reassign',
  cancel: 'Cancel',
};

type CallbackTableProps = {
  callbacks: readonly CallbackRow[];
  /** Now on the server's clock: what is due before it is overdue. */
  now: number;
  names: ReadonlyMap<string, string>;
  permissions: Permissions;
  onAction: (action: CallbackAction, callback: CallbackRow) => void;
  /** The table's name ("Mine"). */
  label: string;
};

/** The callbacks as rows, soonest first (the caller sorts), each pending one with its actions. */
export function CallbackTable({
  callbacks,
  now,
  names,
  permissions,
  onAction,
  label,
}: CallbackTableProps) {
  return (
    <table className="w-full border-separate border-spacing-0 text-left text-sm">
      <caption className="sr-only">{label}</caption>
      <thead className="sticky top-0 z-10 bg-white text-xs font-semibold tracking-wide text-slate-500 uppercase">
        <tr>
          {['When', 'Customer', 'Agent', 'Status', 'Notes', 'Tries', 'Actions'].map((heading) => (
            <th
              key={heading}
              scope="col"
              className={cn(
                'border-b border-slate-200 px-2 py-1.5',
                heading === 'Tries' && 'text-right',
              )}
            >
              {heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {callbacks.map((callback) => (
          <CallbackTableRow
            key={callback.id}
            callback={callback}
            now={now}
            names={names}
            permissions={permissions}
            onAction={onAction}
          />
        ))}
      </tbody>
    </table>
  );
}

type RowProps = Omit<CallbackTableProps, 'callbacks' | 'label'> & { callback: CallbackRow };

function CallbackTableRow({ callback, now, names, permissions, onAction }: RowProps) {
  const name = callbackCustomerName(callback);
  const status = statusLabel(callback, now);
  const pending = callback.status === 'pending';
  const actions: CallbackAction[] = [];
  if (pending && permissions.canChange(callback)) actions.push('reschedule');
  if (pending && permissions.canReassign) actions.push('reassign');
  if (pending && permissions.canChange(callback)) actions.push('cancel');
  const cell = 'border-b border-slate-100 px-2 py-1.5 align-top';

  return (
    <tr
      data-overdue={status.tone === 'overdue' ? 'true' : undefined}
      className={cn(status.tone === 'overdue' && 'bg-red-50', !pending && 'text-slate-500')}
    >
      <td className={cn(cell, 'whitespace-nowrap tabular-nums')}>
        <time dateTime={callback.scheduledFor}>{formatUkDateTime(callback.scheduledFor)}</time>
      </td>
      <td className={cell}>
        <Link
          to={`${paths.customers}/${encodeURIComponent(callback.userId)}`}
          className="font-medium text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          {name}
        </Link>
      </td>
      <td className={cn(cell, 'whitespace-nowrap')}>{agentName(callback.agentId, names)}</td>
      <td className={cell}>
        <span
          className={cn(
            'inline-block rounded-full px-2 py-0.5 text-xs font-semibold whitespace-nowrap ring-1 ring-inset',
            statusTones[status.tone],
          )}
        >
          {status.text}
        </span>
        {callback.closedReason ? (
          <span className="mt-0.5 block text-xs">{closedReasonLabel(callback.closedReason)}</span>
        ) : null}
      </td>
      <td className={cn(cell, 'max-w-64')}>
        <span className="line-clamp-2 break-words">{callback.notes}</span>
        {callback.voicemail ? (
          // Served by our API with the session cookie; nothing loads until it is played.
          <audio
            controls
            preload="none"
            src={callback.voicemail.url}
            aria-label={`Voicemail from ${name}, ${formatDuration(callback.voicemail.seconds)}`}
            className="mt-1 h-8 w-56"
          />
        ) : null}
      </td>
      <td className={cn(cell, 'text-right tabular-nums')}>{callback.failedTries}</td>
      <td className={cn(cell, 'whitespace-nowrap')}>
        {actions.length > 0 ? (
          <div className="flex gap-1">
            {actions.map((action) => (
              <Button
                key={action}
                variant="secondary"
                className="px-2 py-1 text-xs"
                aria-label={`${actionWords[action]} callback for ${name}`}
                onClick={() => onAction(action, callback)}
              >
                {actionWords[action]}
              </Button>
            ))}
          </div>
        ) : (
          <>
            <span aria-hidden="true" className="text-slate-400">
              —
            </span>
            <span className="sr-only">None</span>
          </>
        )}
      </td>
    </tr>
  );
}
