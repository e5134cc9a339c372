import { Fragment } from 'react';

import { useSession } from '@/features/auth/api/get-me';
import type { AgentDay } from '@/types/api';
import { cn } from '@/utils/cn';
import { formatElapsed } from '@/utils/duration';

import { useMyDay } from '../api/get-my-day';
import { useLiveDayCounters } from '../hooks/use-live-day-counters';

type Figure = {
  label: string;
  value: (day: AgentDay) => string;
  /** Room for the widest value expected, so the top bar does not move as the numbers grow. */
  width: string;
};

const figures: readonly Figure[] = [
  { label: 'Calls', value: (day) => String(day.calls), width: 'min-w-[3ch]' },
  { label: 'Contacts', value: (day) => String(day.contacts), width: 'min-w-[3ch]' },
  { label: 'Talk', value: (day) => formatElapsed(day.talkSeconds), width: 'min-w-[7ch]' },
  { label: 'Links', value: (day) => String(day.linksSent), width: 'min-w-[2ch]' },
];

/**
 * The agent's day in the top bar (docs: screens.md, "Calls 23 · Contacts 9 · Talk 41:05"), and
 * the links they sent: since
 * UK midnight, from the server, reread when something changes it (never polled). While they load,
 * or when they cannot be read, each figure keeps its place with a dash.
 */
export function DayCounters() {
  const { agent } = useSession();
  const myDay = useMyDay();
  useLiveDayCounters(agent.id);
  const day = myDay.data?.day;
  return (
    <div
      role="group"
      aria-label="Today so far"
      aria-busy={myDay.isPending || undefined}
      title={myDay.isError ? "Today's figures could not be loaded" : undefined}
      className="text-xs whitespace-nowrap text-slate-700"
    >
      {/* Two rows of two on a laptop, where the top bar is short of room; one line on a wide
          screen, as screens.md draws it. */}
      <p className="grid grid-cols-[auto_auto] gap-x-3 leading-4 2xl:flex 2xl:items-center 2xl:gap-x-0">
        {figures.map((figure, index) => (
          <Fragment key={figure.label}>
            {index > 0 ? (
              <>
                {' '}
                <span aria-hidden="true" className="hidden px-1 text-slate-500 2xl:inline">
                  ·
                </span>{' '}
              </>
            ) : null}
            <span className="flex items-baseline gap-1">
              <span className="text-slate-600">{figure.label}</span>{' '}
              <span
                className={cn(
                  'font-mono font-semibold text-slate-900 tabular-nums',
                  figure.width,
                )}
              >
                {day ? figure.value(day) : '–'}
              </span>
            </span>
          </Fragment>
        ))}
      </p>
    </div>
  );
}
