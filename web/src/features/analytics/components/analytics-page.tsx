import { useMemo, useState } from 'react';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { isApiError } from '@/lib/api-error';
import { dateRangeProblem } from '@/utils/search-filters';

import { useAnalytics } from '../api/get-analytics';
import type { AnalyticsRange, AnalyticsReport } from '../api/schemas';
import { useRangeInUrl } from '../hooks/use-range-in-url';
import { definitions, formatRange, tableTitles } from '../labels';
import {
  AgentsChart,
  CallsByDayChart,
  CallsByHourChart,
  ContactRateChart,
  FirstCallChart,
  FunnelChart,
  OutcomesChart,
  ScoreBandsChart,
  StatusTimeChart,
} from './analytics-charts';
import { AnalyticsSection } from './analytics-section';
import {
  AgentsTable,
  DaysTable,
  FirstCallTable,
  FunnelTable,
  HoursTable,
  OutcomesTable,
  ScoreBandsTable,
  StatusTimeTable,
} from './analytics-tables';
import { ChartFigure } from './chart-figure';
import { RangeForm, type RangeErrors, type RangeField } from './range-form';
import { TotalsStrip } from './totals-strip';

/** Where a chart's numbers are, for the name a screen reader hears for the drawing. */
function described(kind: string, range: string, table: string): string {
  return `${kind}, ${range}. The numbers are in the table “${table}”.`;
}

/**
 * A horizontal bar chart's height: room for each row's `bars` (and the axes and legend), and
 * never less than the other charts.
 */
function horizontalChartHeight(rows: number, bars: number): number {
  return Math.max(208, 64 + rows * (8 + bars * 12));
}

/** What a section of the queue entries says when nobody entered a queue; nothing otherwise. */
function noEntries(rows: ReadonlyArray<{ entered: number }>): string | undefined {
  return rows.every((row) => row.entered === 0)
    ? 'No customers entered a queue in this range.'
    : undefined;
}

/** The report's charts and tables, one section per table (each with its CSV). */
function Figures({ report, range }: { report: AnalyticsReport; range: AnalyticsRange }) {
  const shown = formatRange(report.from, report.to);
  const hasStatusTime = report.statusTime.some(
    (row) =>
      row.logins + row.availableSeconds + row.onCallSeconds + row.wrapUpSeconds + row.breakSeconds >
      0,
  );
  const statusTime = hasStatusTime ? (
    <AnalyticsSection
      table="status-time"
      range={range}
      wide
      charts={
        <ChartFigure
          title="Time in each status by agent"
          description={described(
            'Stacked bar chart of each agent’s time in each status',
            shown,
            tableTitles['status-time'],
          )}
          definitions={definitions.statusTime}
          height={horizontalChartHeight(report.statusTime.length, 2)}
        >
          <StatusTimeChart rows={report.statusTime} />
        </ChartFigure>
      }
    >
      <StatusTimeTable rows={report.statusTime} />
    </AnalyticsSection>
  ) : null;

  // The funnel follows the customers who entered a queue in the range, called or not: shown
  // whatever the calls, and said to be empty when nobody entered.
  const funnel = (
    <>
      <AnalyticsSection
        table="funnel"
        range={range}
        wide
        empty={noEntries(report.funnel)}
        charts={
          <ChartFigure
            title="Conversion funnel by queue"
            description={described(
              'Grouped bar chart of each queue’s customers at each step of the funnel',
              shown,
              tableTitles.funnel,
            )}
            definitions={definitions.funnel}
          >
            <FunnelChart funnel={report.funnel} />
          </ChartFigure>
        }
      >
        <FunnelTable funnel={report.funnel} />
      </AnalyticsSection>
      <AnalyticsSection
        table="first-call"
        range={range}
        wide
        empty={noEntries(report.firstCall)}
        charts={
          <ChartFigure
            title="Time to first call for new leads"
            description={described(
              'Stacked bar chart of each queue’s new leads called within a day, later, or not',
              shown,
              tableTitles['first-call'],
            )}
            definitions={definitions.firstCall}
            height={horizontalChartHeight(report.firstCall.length, 1)}
          >
            <FirstCallChart rows={report.firstCall} />
          </ChartFigure>
        }
      >
        <FirstCallTable rows={report.firstCall} />
      </AnalyticsSection>
    </>
  );

  if (report.totals.calls === 0) {
    return (
      <>
        <p className="rounded-lg bg-white p-3 text-sm text-slate-700 shadow-sm ring-1 ring-slate-200">
          No calls in this range.
        </p>
        {funnel}
        {statusTime}
      </>
    );
  }

  return (
    <>
      <AnalyticsSection
        table="days"
        range={range}
        charts={
          <>
            <ChartFigure
              title="Calls and contacts by day"
              description={described(
                'Bar chart of calls and contacts by day',
                shown,
                tableTitles.days,
              )}
              definitions={definitions.callsByDay}
            >
              <CallsByDayChart days={report.days} />
            </ChartFigure>
            <ChartFigure
              title="Contact rate by day"
              description={described(
                'Line chart of the contact rate by day',
                shown,
                tableTitles.days,
              )}
              definitions={definitions.contactRateByDay}
            >
              <ContactRateChart days={report.days} />
            </ChartFigure>
          </>
        }
      >
        <DaysTable days={report.days} />
      </AnalyticsSection>
      <AnalyticsSection
        table="hours"
        range={range}
        charts={
          <ChartFigure
            title="Calls by UK hour"
            description={described(
              'Bar chart of calls and contacts by the UK hour they started in',
              shown,
              tableTitles.hours,
            )}
            definitions={definitions.callsByHour}
          >
            <CallsByHourChart hours={report.hours} />
          </ChartFigure>
        }
      >
        <HoursTable hours={report.hours} />
      </AnalyticsSection>
      <AnalyticsSection
        table="outcomes"
        range={range}
        charts={
          <ChartFigure
            title="Outcome mix"
            description={described('Bar chart of calls by outcome', shown, tableTitles.outcomes)}
            definitions={definitions.outcomes}
            height={horizontalChartHeight(report.outcomes.length, 1)}
          >
            <OutcomesChart outcomes={report.outcomes} />
          </ChartFigure>
        }
      >
        <OutcomesTable outcomes={report.outcomes} />
      </AnalyticsSection>
      <AnalyticsSection
        table="score-bands"
        range={range}
        charts={
          <ChartFigure
            title="Calls and contacts by score band"
            description={described(
              'Bar chart of calls and contacts by the customer’s score band when called',
              shown,
              tableTitles['score-bands'],
            )}
            definitions={definitions.scoreBands}
          >
            <ScoreBandsChart bands={report.scoreBands} />
          </ChartFigure>
        }
      >
        <ScoreBandsTable bands={report.scoreBands} />
      </AnalyticsSection>
      {funnel}
      {report.agents.length > 0 ? (
        <AnalyticsSection
          table="agents"
          range={range}
          wide
          charts={
            <ChartFigure
              title="Calls per hour, talk % and utilisation by agent"
              description={described(
                'Grouped bar chart of each agent’s calls per hour, talk % and utilisation',
                shown,
                tableTitles.agents,
              )}
              definitions={definitions.agents}
              height={horizontalChartHeight(report.agents.length, 3)}
            >
              <AgentsChart agents={report.agents} />
            </ChartFigure>
          }
        >
          <AgentsTable agents={report.agents} />
        </AnalyticsSection>
      ) : null}
      {statusTime}
    </>
  );
}

/**
 * Analytics (supervisors, admins): the figures of a range of UK days as charts, each with its
 * definition one click away and its numbers in a table that downloads as CSV. The range lives in
 * the address, so a reload or a shared link shows the same days.
 */
export function AnalyticsPage() {
  const { applied, draft, setField, apply } = useRangeInUrl();
  const report = useAnalytics(applied);
  const [checked, setChecked] = useState<RangeErrors>({});
  const [checkedFocus, setCheckedFocus] = useState<{ field: RangeField } | null>(null);

  // A 400 for the range in the address names the day it could not take: its message shows at
  // that field for as long as the field still says what was asked.
  const refused =
    report.isError && isApiError(report.error) && report.error.status === 400 ? report.error : null;
  const refusedField: RangeField | null =
    refused?.field === 'from' || refused?.field === 'to' ? refused.field : null;
  const refusalFocus = useMemo(
    () => (refused && refusedField ? { field: refusedField } : null),
    [refused, refusedField],
  );
  const errors: RangeErrors = { ...checked };
  if (refused && refusedField && draft[refusedField] === applied[refusedField]) {
    errors[refusedField] ??= refused.message;
  }

  function change(field: RangeField, value: string) {
    setField(field, value);
    setChecked((current) => ({ ...current, [field]: undefined }));
  }

  function submit() {
    const problems: RangeErrors = {};
    if (draft.from.trim() === '') problems.from = 'Choose the first day.';
    if (draft.to.trim() === '') problems.to = 'Choose the last day.';
    const order = dateRangeProblem(draft.from.trim(), draft.to.trim());
    if (order) problems.to = order;
    setChecked(problems);
    const first = problems.from ? 'from' : problems.to ? 'to' : null;
    setCheckedFocus(first ? { field: first } : null);
    if (first) return;
    // The same range again: read it afresh.
    if (!apply(draft)) void report.refetch();
  }

  let content;
  if (report.data) {
    content = (
      <>
        {report.isRefetchError ? (
          <div className="flex shrink-0 items-center gap-2">
            <Alert className="flex-1 py-1">
              The figures could not be brought up to date: {report.error.message}
            </Alert>
            <Button variant="secondary" onClick={() => void report.refetch()}>
              Retry
            </Button>
          </div>
        ) : null}
        <TotalsStrip totals={report.data.totals} range={applied} />
        {/* Relative: what is positioned inside (screen-reader-only text) scrolls with it rather
            than stretching the page. */}
        <div className="relative min-h-0 flex-1 space-y-3 overflow-y-auto pb-1">
          <Figures report={report.data} range={applied} />
        </div>
      </>
    );
  } else if (refusedField) {
    content = (
      <p className="text-sm text-slate-700">
        Nothing is shown: correct the day marked above, then apply again.
      </p>
    );
  } else if (report.isError) {
    content = (
      <div className="space-y-2">
        <Alert>The figures could not be loaded: {report.error.message}</Alert>
        <div className="flex items-center gap-2">
          <Button variant="secondary" onClick={() => void report.refetch()}>
            Retry
          </Button>
          {report.isFetching ? <Spinner label="Loading the figures" /> : null}
        </div>
      </div>
    );
  } else {
    content = <Spinner label="Loading the figures" />;
  }

  return (
    <div className="flex h-full min-h-0 flex-col gap-3">
      <div className="flex shrink-0 flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">Analytics</h1>
          {report.data ? (
            <div className="flex items-center gap-2 text-sm text-slate-600">
              <p>{formatRange(report.data.from, report.data.to)}, UK days</p>
              {report.isFetching ? <Spinner label="Updating" /> : null}
            </div>
          ) : null}
        </div>
        <RangeForm
          draft={draft}
          errors={errors}
          focus={checkedFocus ?? refusalFocus}
          onChange={change}
          onSubmit={submit}
        />
      </div>
      {content}
    </div>
  );
}
