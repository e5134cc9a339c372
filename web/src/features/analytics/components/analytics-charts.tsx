// The Analytics page's charts (recharts). Each is drawn for the eye only: the figure around it
// names it, and the table beside it holds the same numbers for screen readers and the keyboard.
import type { ReactNode } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

import type {
  AnalyticsAgent,
  AnalyticsDay,
  AnalyticsFirstCall,
  AnalyticsFunnel,
  AnalyticsHour,
  AnalyticsOutcome,
  AnalyticsScoreBand,
  AnalyticsStatusTime,
} from '../api/schemas';
import {
  formatCount,
  formatDay,
  formatHour,
  formatRate,
  formatShare,
  formatTime,
  funnelSteps,
  outcomeLabel,
  queueLabel,
  scoreBandShortLabel,
} from '../labels';

/** Tailwind's palette, so that the charts match the page: each series also has its name. */
const colours = {
  calls: '#4f46e5', // indigo-600
  contacts: '#059669', // emerald-600
  rate: '#b45309', // amber-700
  talk: '#0891b2', // cyan-600
  utilisation: '#db2777', // pink-600
  available: '#16a34a', // green-600
  onCall: '#4f46e5',
  wrapUp: '#d97706', // amber-600
  onBreak: '#64748b', // slate-500
  withinDay: '#059669', // emerald-600
  later: '#d97706', // amber-600
  notCalled: '#64748b', // slate-500
};

/** One colour per queue, in the order the report lists them (unsigned, outstanding, …). */
const queueColours = ['#4f46e5', '#d97706', '#0891b2', '#db2777'] as const;

function queueColour(index: number): string {
  return queueColours[index % queueColours.length] ?? colours.calls;
}

const axisTick = { fontSize: 12, fill: '#475569' }; // slate-600: readable on white
const legendStyle = { fontSize: 12 };
/** Legend entries in the order the series are drawn (the library sorts them by name). */
const legendProps = { wrapperStyle: legendStyle, itemSorter: null } as const;
/** Before the browser has measured the box (and in tests, where nothing is measured). */
const initialDimension = { width: 480, height: 208 };

/** Drawn at once: nothing moves (and nothing waits on an animation frame). */
const still = { isAnimationActive: false } as const;

/** The chart's box: it fills the figure's fixed-height area, whatever its width. */
function ChartBox({ children }: { children: ReactNode }) {
  return (
    <ResponsiveContainer width="100%" height="100%" initialDimension={initialDimension}>
      {children}
    </ResponsiveContainer>
  );
}

type Formatter = (value: number) => string;

/** A tooltip formatter that shows each value as the tables write it ("—" for none). */
function tooltipValue(format: Formatter) {
  return (value: unknown) => (typeof value === 'number' ? format(value) : '—');
}

/** Calls and contacts by day, side by side (bars). */
export function CallsByDayChart({ days }: { days: readonly AnalyticsDay[] }) {
  const data = days.map((day) => ({
    label: formatDay(day.day),
    calls: day.calls,
    contacts: day.contacts,
  }));
  return (
    <ChartBox>
      <BarChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={axisTick} />
        <YAxis allowDecimals={false} tick={axisTick} width={40} />
        <Tooltip formatter={tooltipValue(formatCount)} />
        <Legend {...legendProps} />
        <Bar dataKey="calls" name="Calls" fill={colours.calls} {...still} />
        <Bar dataKey="contacts" name="Contacts" fill={colours.contacts} {...still} />
      </BarChart>
    </ChartBox>
  );
}

/** The contact rate day by day (a line; no point on a day without calls). */
export function ContactRateChart({ days }: { days: readonly AnalyticsDay[] }) {
  const data = days.map((day) => ({ label: formatDay(day.day), rate: day.contactRate }));
  return (
    <ChartBox>
      <LineChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 16, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={axisTick} />
        <YAxis
          domain={[0, 1]}
          ticks={[0, 0.25, 0.5, 0.75, 1]}
          tickFormatter={(value: number) => formatShare(value)}
          tick={axisTick}
          width={48}
        />
        <Tooltip formatter={tooltipValue(formatShare)} />
        <Legend {...legendProps} />
        <Line
          type="linear"
          dataKey="rate"
          name="Contact rate"
          stroke={colours.rate}
          strokeWidth={2}
          dot={{ r: 3 }}
          {...still}
        />
      </LineChart>
    </ChartBox>
  );
}

/**
 * Calls and contacts side by side per label (bars): `interval` is how many labels the axis skips
 * between two it shows.
 */
function CallsAndContactsBars({
  data,
  interval,
}: {
  data: readonly { label: string; calls: number; contacts: number }[];
  interval: number;
}) {
  return (
    <ChartBox>
      <BarChart
        data={[...data]}
        accessibilityLayer={false}
        margin={{ top: 8, right: 8, left: 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={axisTick} interval={interval} />
        <YAxis allowDecimals={false} tick={axisTick} width={40} />
        <Tooltip formatter={tooltipValue(formatCount)} />
        <Legend {...legendProps} />
        <Bar dataKey="calls" name="Calls" fill={colours.calls} {...still} />
        <Bar dataKey="contacts" name="Contacts" fill={colours.contacts} {...still} />
      </BarChart>
    </ChartBox>
  );
}

/** Calls and contacts by the UK hour they started in (bars). */
export function CallsByHourChart({ hours }: { hours: readonly AnalyticsHour[] }) {
  const data = hours.map((hour) => ({
    label: formatHour(hour.hour),
    calls: hour.calls,
    contacts: hour.contacts,
  }));
  return <CallsAndContactsBars data={data} interval={2} />;
}

/** The calls by outcome (horizontal bars, so that the outcomes' names can be read). */
export function OutcomesChart({ outcomes }: { outcomes: readonly AnalyticsOutcome[] }) {
  const data = outcomes.map((row) => ({ label: outcomeLabel(row.outcome), calls: row.calls }));
  return (
    <ChartBox>
      <BarChart
        data={data}
        layout="vertical"
        accessibilityLayer={false}
        margin={{ top: 8, right: 16, left: 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} tick={axisTick} />
        <YAxis type="category" dataKey="label" tick={axisTick} width={136} interval={0} />
        <Tooltip formatter={tooltipValue(formatCount)} />
        <Bar dataKey="calls" name="Calls" fill={colours.calls} {...still} />
      </BarChart>
    </ChartBox>
  );
}

/**
 * Each agent's calls per hour (bottom axis) beside their talk % and utilisation (top axis, in
 * percent): grouped bars, one group per agent, across the page so that every name can be read.
 */
export function AgentsChart({ agents }: { agents: readonly AnalyticsAgent[] }) {
  const data = agents.map((agent) => ({
    label: agent.name,
    callsPerHour: agent.callsPerHour,
    talkPercent: agent.talkPercent,
    utilisation: agent.utilisation,
  }));
  return (
    <ChartBox>
      <BarChart
        data={data}
        layout="vertical"
        accessibilityLayer={false}
        margin={{ top: 8, right: 24, left: 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" horizontal={false} xAxisId="rate" />
        <XAxis xAxisId="rate" type="number" allowDecimals={false} tick={axisTick} />
        <XAxis
          xAxisId="share"
          type="number"
          orientation="top"
          domain={[0, 1]}
          ticks={[0, 0.25, 0.5, 0.75, 1]}
          tickFormatter={(value: number) => formatShare(value)}
          tick={axisTick}
        />
        <YAxis type="category" dataKey="label" tick={axisTick} width={136} interval={0} />
        <Tooltip
          formatter={(value: unknown, name: unknown) =>
            tooltipValue(name === 'Calls per hour' ? formatRate : formatShare)(value)
          }
        />
        <Legend {...legendProps} />
        <Bar
          xAxisId="rate"
          dataKey="callsPerHour"
          name="Calls per hour"
          fill={colours.calls}
          {...still}
        />
        <Bar xAxisId="share" dataKey="talkPercent" name="Talk %" fill={colours.talk} {...still} />
        <Bar
          xAxisId="share"
          dataKey="utilisation"
          name="Utilisation"
          fill={colours.utilisation}
          {...still}
        />
      </BarChart>
    </ChartBox>
  );
}

const hourSeconds = 3600;

/** Each agent's signed-in time split by status (stacked horizontal bars, in hours). */
export function StatusTimeChart({ rows }: { rows: readonly AnalyticsStatusTime[] }) {
  const data = rows.map((row) => ({
    label: row.name,
    available: row.availableSeconds / hourSeconds,
    onCall: row.onCallSeconds / hourSeconds,
    wrapUp: row.wrapUpSeconds / hourSeconds,
    onBreak: row.breakSeconds / hourSeconds,
  }));
  const asTime = tooltipValue((hours) => formatTime(Math.round(hours * hourSeconds)));
  return (
    <ChartBox>
      <BarChart
        data={data}
        layout="vertical"
        accessibilityLayer={false}
        margin={{ top: 8, right: 16, left: 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis
          type="number"
          tick={axisTick}
          tickFormatter={(hours: number) => `${formatRate(hours)} h`}
        />
        <YAxis type="category" dataKey="label" tick={axisTick} width={136} interval={0} />
        <Tooltip formatter={asTime} />
        <Legend {...legendProps} />
        <Bar
          dataKey="available"
          name="Available"
          stackId="status"
          fill={colours.available}
          {...still}
        />
        <Bar dataKey="onCall" name="On a call" stackId="status" fill={colours.onCall} {...still} />
        <Bar dataKey="wrapUp" name="Wrap-up" stackId="status" fill={colours.wrapUp} {...still} />
        <Bar dataKey="onBreak" name="Break" stackId="status" fill={colours.onBreak} {...still} />
      </BarChart>
    </ChartBox>
  );
}

/**
 * Each queue's entries at each step of the funnel (grouped bars: the steps along the bottom, one
 * bar per queue). The steps are counted apart, so a later bar may be taller than an earlier one.
 */
export function FunnelChart({ funnel }: { funnel: readonly AnalyticsFunnel[] }) {
  // The queues' series are named by position: a queue's code is the server's, not a data key.
  const data = funnelSteps.map(([step, label]) => ({
    label,
    ...Object.fromEntries(funnel.map((row, index) => [`queue${index}`, row[step]])),
  }));
  return (
    <ChartBox>
      <BarChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={axisTick} interval={0} />
        <YAxis allowDecimals={false} tick={axisTick} width={48} />
        <Tooltip formatter={tooltipValue(formatCount)} />
        <Legend {...legendProps} />
        {funnel.map((row, index) => (
          <Bar
            key={row.queue}
            dataKey={`queue${index}`}
            name={queueLabel(row.queue)}
            fill={queueColour(index)}
            {...still}
          />
        ))}
      </BarChart>
    </ChartBox>
  );
}

/**
 * Each queue's new leads split by how soon they were first called: within a day, later, or not
 * (stacked horizontal bars, one per queue).
 */
export function FirstCallChart({ rows }: { rows: readonly AnalyticsFirstCall[] }) {
  const data = rows.map((row) => ({
    label: queueLabel(row.queue),
    withinDay: row.calledWithinDay,
    later: Math.max(0, row.called - row.calledWithinDay),
    notCalled: Math.max(0, row.entered - row.called),
  }));
  return (
    <ChartBox>
      <BarChart
        data={data}
        layout="vertical"
        accessibilityLayer={false}
        margin={{ top: 8, right: 16, left: 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} tick={axisTick} />
        <YAxis type="category" dataKey="label" tick={axisTick} width={160} interval={0} />
        <Tooltip formatter={tooltipValue(formatCount)} />
        <Legend {...legendProps} />
        <Bar
          dataKey="withinDay"
          name="Called within a day"
          stackId="first-call"
          fill={colours.withinDay}
          {...still}
        />
        <Bar
          dataKey="later"
          name="Called later"
          stackId="first-call"
          fill={colours.later}
          {...still}
        />
        <Bar
          dataKey="notCalled"
          name="Not called"
          stackId="first-call"
          fill={colours.notCalled}
          {...still}
        />
      </BarChart>
    </ChartBox>
  );
}

/** Calls and contacts by the lead's score band when the call was placed (bars, hottest first). */
export function ScoreBandsChart({ bands }: { bands: readonly AnalyticsScoreBand[] }) {
  const data = bands.map((row) => ({
    label: scoreBandShortLabel(row.band),
    calls: row.calls,
    contacts: row.contacts,
  }));
  return <CallsAndContactsBars data={data} interval={0} />;
}
