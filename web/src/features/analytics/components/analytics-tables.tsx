// The numbers of each chart as a table: what screen readers and the keyboard read, and what the
// tests check. Each table holds exactly the rows its CSV download holds.
import { cn } from '@/utils/cn';

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
  formatGap,
  formatHour,
  formatRate,
  formatShare,
  formatTime,
  funnelSteps,
  outcomeLabel,
  queueLabel,
  scoreBandLabel,
  tableTitles,
} from '../labels';

type Column<Row> = {
  header: string;
  cell: (row: Row) => string;
  /** Numbers line up on the right; the row's name (first column) on the left. */
  numeric?: boolean;
};

type DataTableProps<Row> = {
  caption: string;
  columns: ReadonlyArray<Column<Row>>;
  rows: readonly Row[];
  rowKey: (row: Row) => string;
};

/** A plain table: the first column names the row (a row header), the others are figures. */
function DataTable<Row>({ caption, columns, rows, rowKey }: DataTableProps<Row>) {
  const cell = 'border-b border-slate-100 px-2 py-1 whitespace-nowrap';
  return (
    <table className="w-full border-separate border-spacing-0 text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="sticky top-0 z-10 bg-white text-xs font-semibold text-slate-600">
        <tr>
          {columns.map((column) => (
            <th
              key={column.header}
              scope="col"
              className={cn(
                'border-b border-slate-200 px-2 py-1.5',
                column.numeric && 'text-right',
              )}
            >
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((column, index) =>
              index === 0 ? (
                <th key={column.header} scope="row" className={cn(cell, 'font-medium')}>
                  {column.cell(row)}
                </th>
              ) : (
                <td
                  key={column.header}
                  className={cn(cell, column.numeric && 'text-right tabular-nums')}
                >
                  {column.cell(row)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const dayColumns: ReadonlyArray<Column<AnalyticsDay>> = [
  { header: 'Day', cell: (row) => formatDay(row.day) },
  { header: 'Calls', cell: (row) => formatCount(row.calls), numeric: true },
  { header: 'Contacts', cell: (row) => formatCount(row.contacts), numeric: true },
  { header: 'Contact rate', cell: (row) => formatShare(row.contactRate), numeric: true },
  { header: 'Talk time', cell: (row) => formatTime(row.talkSeconds), numeric: true },
  { header: 'Conversions', cell: (row) => formatCount(row.conversions), numeric: true },
];

export function DaysTable({ days }: { days: readonly AnalyticsDay[] }) {
  return (
    <DataTable
      caption={tableTitles.days}
      columns={dayColumns}
      rows={days}
      rowKey={(row) => row.day}
    />
  );
}

const hourColumns: ReadonlyArray<Column<AnalyticsHour>> = [
  { header: 'Hour (UK)', cell: (row) => formatHour(row.hour) },
  { header: 'Calls', cell: (row) => formatCount(row.calls), numeric: true },
  { header: 'Contacts', cell: (row) => formatCount(row.contacts), numeric: true },
  { header: 'Contact rate', cell: (row) => formatShare(row.contactRate), numeric: true },
];

export function HoursTable({ hours }: { hours: readonly AnalyticsHour[] }) {
  return (
    <DataTable
      caption={tableTitles.hours}
      columns={hourColumns}
      rows={hours}
      rowKey={(row) => String(row.hour)}
    />
  );
}

const outcomeColumns: ReadonlyArray<Column<AnalyticsOutcome>> = [
  { header: 'Outcome', cell: (row) => outcomeLabel(row.outcome) },
  { header: 'Calls', cell: (row) => formatCount(row.calls), numeric: true },
];

export function OutcomesTable({ outcomes }: { outcomes: readonly AnalyticsOutcome[] }) {
  return (
    <DataTable
      caption={tableTitles.outcomes}
      columns={outcomeColumns}
      rows={outcomes}
      rowKey={(row) => row.outcome}
    />
  );
}

const agentColumns: ReadonlyArray<Column<AnalyticsAgent>> = [
  { header: 'Agent', cell: (row) => row.name },
  { header: 'Calls', cell: (row) => formatCount(row.calls), numeric: true },
  { header: 'Contacts', cell: (row) => formatCount(row.contacts), numeric: true },
  { header: 'Talk time', cell: (row) => formatTime(row.talkSeconds), numeric: true },
  { header: 'Signed in', cell: (row) => formatTime(row.signedInSeconds), numeric: true },
  { header: 'Busy', cell: (row) => formatTime(row.busySeconds), numeric: true },
  { header: 'Calls per hour', cell: (row) => formatRate(row.callsPerHour), numeric: true },
  { header: 'Talk %', cell: (row) => formatShare(row.talkPercent), numeric: true },
  { header: 'Average gap', cell: (row) => formatGap(row.averageGapSeconds), numeric: true },
  { header: 'Utilisation', cell: (row) => formatShare(row.utilisation), numeric: true },
  { header: 'Conversions', cell: (row) => formatCount(row.conversions), numeric: true },
];

export function AgentsTable({ agents }: { agents: readonly AnalyticsAgent[] }) {
  return (
    <DataTable
      caption={tableTitles.agents}
      columns={agentColumns}
      rows={agents}
      rowKey={(row) => row.agentId}
    />
  );
}

const statusColumns: ReadonlyArray<Column<AnalyticsStatusTime>> = [
  { header: 'Agent', cell: (row) => row.name },
  { header: 'Logins', cell: (row) => formatCount(row.logins), numeric: true },
  { header: 'Available', cell: (row) => formatTime(row.availableSeconds), numeric: true },
  { header: 'On a call', cell: (row) => formatTime(row.onCallSeconds), numeric: true },
  { header: 'Wrap-up', cell: (row) => formatTime(row.wrapUpSeconds), numeric: true },
  { header: 'Break', cell: (row) => formatTime(row.breakSeconds), numeric: true },
];

export function StatusTimeTable({ rows }: { rows: readonly AnalyticsStatusTime[] }) {
  return (
    <DataTable
      caption={tableTitles['status-time']}
      columns={statusColumns}
      rows={rows}
      rowKey={(row) => row.agentId}
    />
  );
}

const funnelColumns: ReadonlyArray<Column<AnalyticsFunnel>> = [
  { header: 'Queue', cell: (row) => queueLabel(row.queue) },
  ...funnelSteps.map(
    ([step, label]): Column<AnalyticsFunnel> => ({
      header: label,
      cell: (row) => formatCount(row[step]),
      numeric: true,
    }),
  ),
];

export function FunnelTable({ funnel }: { funnel: readonly AnalyticsFunnel[] }) {
  return (
    <DataTable
      caption={tableTitles.funnel}
      columns={funnelColumns}
      rows={funnel}
      rowKey={(row) => row.queue}
    />
  );
}

const firstCallColumns: ReadonlyArray<Column<AnalyticsFirstCall>> = [
  { header: 'Queue', cell: (row) => queueLabel(row.queue) },
  { header: 'New leads', cell: (row) => formatCount(row.entered), numeric: true },
  { header: 'Called', cell: (row) => formatCount(row.called), numeric: true },
  {
    header: 'Called within a day',
    cell: (row) => formatCount(row.calledWithinDay),
    numeric: true,
  },
  {
    header: 'Within a day %',
    cell: (row) => formatShare(row.calledWithinDayShare),
    numeric: true,
  },
  {
    header: 'Median time to first call',
    cell: (row) => formatGap(row.medianSecondsToFirstCall),
    numeric: true,
  },
];

export function FirstCallTable({ rows }: { rows: readonly AnalyticsFirstCall[] }) {
  return (
    <DataTable
      caption={tableTitles['first-call']}
      columns={firstCallColumns}
      rows={rows}
      rowKey={(row) => row.queue}
    />
  );
}

const scoreBandColumns: ReadonlyArray<Column<AnalyticsScoreBand>> = [
  { header: 'Score band', cell: (row) => scoreBandLabel(row.band) },
  { header: 'Calls', cell: (row) => formatCount(row.calls), numeric: true },
  { header: 'Contacts', cell: (row) => formatCount(row.contacts), numeric: true },
  { header: 'Contact rate', cell: (row) => formatShare(row.contactRate), numeric: true },
];

export function ScoreBandsTable({ bands }: { bands: readonly AnalyticsScoreBand[] }) {
  return (
    <DataTable
      caption={tableTitles['score-bands']}
      columns={scoreBandColumns}
      rows={bands}
      rowKey={(row) => row.band}
    />
  );
}
