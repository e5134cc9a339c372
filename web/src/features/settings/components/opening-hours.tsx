import { Spinner } from '@/components/ui/spinner';
import { useCallingHours } from '@/features/queue/api/get-calling-hours';
import { formatUkClock, formatUkDay } from '@/utils/uk-time';

/** How many days ahead the Calling hours section shows the opening times for. */
export const openingDaysShown = 7;

/**
 * The calling hours as agents get them over the coming week (`GET /api/calling-hours`): the
 * settings above after bank holidays, closed days and the server's limits. Read again after a
 * save, so the admin sees what a change did.
 */
export function OpeningHours({ headingId }: { headingId: string }) {
  const hours = useCallingHours(openingDaysShown);
  let body;
  if (hours.isPending) body = <Spinner label="Loading the opening times" />;
  else if (hours.isError) {
    body = (
      <p className="text-sm text-slate-700">
        The opening times could not be loaded: {hours.error.message}
      </p>
    );
  } else if (hours.data.hours.length === 0) {
    body = (
      <p className="text-sm text-slate-700">Closed for all of the next {openingDaysShown} days.</p>
    );
  } else {
    body = (
      <ul aria-labelledby={headingId} className="grid gap-x-4 text-sm sm:grid-cols-2">
        {hours.data.hours.map((span) => (
          <li key={span.opensAt} className="tabular-nums">
            <span className="font-medium">{formatUkDay(span.opensAt)}</span>:{' '}
            {formatUkClock(span.opensAt)}–{formatUkClock(span.closesAt)}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <div className="space-y-1 rounded-md bg-slate-50 p-3">
      <h4 id={headingId} className="text-sm font-semibold text-slate-800">
        Open in the next {openingDaysShown} days (UK time, from now)
      </h4>
      {body}
    </div>
  );
}
