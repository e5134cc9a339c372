import { useId } from 'react';

import { formatElapsed } from '@/utils/duration';

import type { FloorToday } from '../api/schemas';
import { formatRate } from '../labels';

const numbers = new Intl.NumberFormat('en-GB');

/** The whole floor's day so far, one figure under each label. */
export function TodayStrip({ today }: { today: FloorToday }) {
  const id = useId();
  const figures: Array<[string, string]> = [
    ['Calls', numbers.format(today.calls)],
    ['Contacts', numbers.format(today.contacts)],
    ['Contact rate', formatRate(today.contactRate)],
    ['Talk time', formatElapsed(today.talkSeconds)],
    ['Conversions', numbers.format(today.conversions)],
    [
      'Links sent / opened',
      `${numbers.format(today.linksSent)} / ${numbers.format(today.linksOpened)}`,
    ],
    ['Unread SMS', numbers.format(today.unreadSms)],
  ];
  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="flex shrink-0 items-center gap-4 rounded-lg bg-white px-3 py-2 shadow-sm ring-1 ring-slate-200"
    >
      <h2
        id={`${id}-heading`}
        className="text-xs font-semibold tracking-wide text-slate-500 uppercase"
      >
        Today
      </h2>
      <dl className="flex flex-1 flex-wrap gap-x-6 gap-y-1">
        {figures.map(([label, value]) => (
          <div key={label} className="flex flex-col">
            <dt className="text-xs text-slate-600">{label}</dt>
            <dd className="text-lg font-semibold text-slate-900 tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
