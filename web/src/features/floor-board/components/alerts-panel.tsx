import { useId } from 'react';

import { formatUkClock } from '@/utils/uk-time';

import type { FloorAlert } from '../api/schemas';

/** What needs a supervisor's eye now, each in the server's words, with since when. */
export function AlertsPanel({
  alerts,
  className,
}: {
  alerts: readonly FloorAlert[];
  className?: string;
}) {
  const id = useId();
  return (
    // Scrolls by itself, so it takes the focus: the keyboard can scroll it too.
    <section aria-labelledby={`${id}-heading`} tabIndex={0} className={className}>
      <h2
        id={`${id}-heading`}
        className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase"
      >
        Alerts
      </h2>
      {/* Always in the page, so that a screen reader is listening before an alert arrives. */}
      <div aria-live="polite">
        {alerts.length === 0 ? (
          <p className="text-sm text-slate-600">No alerts</p>
        ) : (
          <ul className="space-y-1.5">
            {alerts.map((alert, index) => (
              <li
                key={`${alert.code}-${alert.subjectId ?? ''}-${index}`}
                className="rounded-md bg-amber-50 px-2 py-1.5 text-sm text-amber-900 ring-1 ring-amber-200 ring-inset"
              >
                <span>{alert.message}</span>
                {alert.since !== null ? (
                  <span className="block text-xs text-amber-800">
                    since <time dateTime={alert.since}>{formatUkClock(alert.since)}</time>
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
