import { cn } from '@/utils/cn';

import { useLiveStatus, type LiveStatus } from '../live/live-events';

const looks: Record<LiveStatus, { text: string; dot: string }> = {
  connecting: { text: 'Connecting…', dot: 'bg-slate-400' },
  live: { text: 'Live', dot: 'bg-emerald-500' },
  reconnecting: { text: 'Reconnecting…', dot: 'bg-amber-500' },
};

/** Whether call progress reaches this page as it happens; amber while the socket is reopened. */
export function LiveIndicator({ className }: { className?: string }) {
  const status = useLiveStatus();
  const { text, dot } = looks[status];
  return (
    <div
      role="status"
      aria-label="Live updates"
      className={cn(
        'inline-flex items-center gap-1.5 text-xs font-medium',
        status === 'reconnecting' ? 'text-amber-800' : 'text-slate-600',
        className,
      )}
    >
      <span aria-hidden="true" className={cn('size-2 rounded-full', dot)} />
      {text}
    </div>
  );
}
