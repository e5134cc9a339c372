// `GET /api/analytics` for feature tests, on top of the shared fake server: supervisors and
// admins only, the range checked as the server checks it (400 naming `from` or `to`), and a
// report built for the days asked.
import {
  errorResponse,
  jsonResponse,
  type FakeApi,
  type RecordedRequest,
} from '@/testing/fake-api';
import { outcomeCodeSchema } from '@/types/api';

import type {
  AnalyticsAgent,
  AnalyticsDay,
  AnalyticsFirstCall,
  AnalyticsFunnel,
  AnalyticsRange,
  AnalyticsReport,
  AnalyticsScoreBand,
  AnalyticsStatusTime,
} from '../api/schemas';

const dayMs = 86_400_000;

/** Every UK day from `from` to `to`, both included. */
export function daysOf({ from, to }: AnalyticsRange): string[] {
  const days: string[] = [];
  for (let at = Date.parse(`${from}T00:00:00Z`); at <= Date.parse(`${to}T00:00:00Z`); at += dayMs) {
    days.push(new Date(at).toISOString().slice(0, 10));
  }
  return days;
}

export function buildAgentRow(overrides: Partial<AnalyticsAgent> = {}): AnalyticsAgent {
  return {
    agentId: '1',
    name: 'Demo Agent',
    calls: 20,
    contacts: 6,
    talkSeconds: 1800,
    signedInSeconds: 28_800,
    busySeconds: 7200,
    callsPerHour: 2.5,
    talkPercent: 0.0625,
    averageGapSeconds: 95.5,
    utilisation: 0.25,
    conversions: 1,
    ...overrides,
  };
}

export function buildStatusRow(overrides: Partial<AnalyticsStatusTime> = {}): AnalyticsStatusTime {
  return {
    agentId: '1',
    name: 'Demo Agent',
    logins: 5,
    availableSeconds: 1000,
    onCallSeconds: 2000,
    wrapUpSeconds: 300,
    breakSeconds: 900,
    ...overrides,
  };
}

/** The server's queues, in its order. */
const queues = ['unsigned', 'outstanding'] as const;
/** The server's score bands, in its order (hottest first, then calls with no score). */
export const scoreBands = ['0-19', '20-39', '40-59', '60-79', '80-99', '100+', 'none'] as const;

/**
 * A report of `range` with nothing in it: every day, hour, outcome and score band at zero, and
 * nobody entering either queue.
 */
export function buildEmptyReport(range: AnalyticsRange): AnalyticsReport {
  return {
    from: range.from,
    to: range.to,
    timeZone: 'Europe/London',
    totals: { calls: 0, contacts: 0, contactRate: null, talkSeconds: 0, conversions: 0 },
    days: daysOf(range).map(
      (day): AnalyticsDay => ({
        day,
        calls: 0,
        contacts: 0,
        contactRate: null,
        talkSeconds: 0,
        conversions: 0,
      }),
    ),
    hours: Array.from({ length: 24 }, (_, hour) => ({
      hour,
      calls: 0,
      contacts: 0,
      contactRate: null,
    })),
    outcomes: outcomeCodeSchema.options.map((outcome) => ({ outcome, calls: 0 })),
    agents: [],
    statusTime: [],
    funnel: queues.map(
      (queue): AnalyticsFunnel => ({
        queue,
        entered: 0,
        called: 0,
        contacted: 0,
        linkSent: 0,
        linkOpened: 0,
        converted: 0,
      }),
    ),
    firstCall: queues.map(
      (queue): AnalyticsFirstCall => ({
        queue,
        entered: 0,
        called: 0,
        calledWithinDay: 0,
        calledWithinDayShare: null,
        medianSecondsToFirstCall: null,
      }),
    ),
    scoreBands: scoreBands.map(
      (band): AnalyticsScoreBand => ({ band, calls: 0, contacts: 0, contactRate: null }),
    ),
  };
}

/**
 * The week of 2 to 8 November 2026: 40 calls, 12 contacts; two agents, one of whom was never
 * signed in (so no ratios). 1,204 customers entered the unsigned queue and 5 the outstanding one,
 * none of whom was called (so no median), yet one of them converted.
 */
export function buildWeekReport(range: AnalyticsRange = { from: '2026-11-02', to: '2026-11-08' }) {
  const report = buildEmptyReport(range);
  const perDay = [
    [8, 3, 600, 0],
    [10, 4, 1200, 1],
    [12, 3, 900, 0],
    [6, 2, 600, 1],
    [4, 0, 0, 0],
  ] as const;
  perDay.forEach(([calls, contacts, talkSeconds, conversions], index) => {
    const day = report.days[index];
    if (!day) return;
    const contactRate = contacts / calls;
    Object.assign(day, { calls, contacts, talkSeconds, conversions, contactRate });
  });
  report.totals = { calls: 40, contacts: 12, contactRate: 0.3, talkSeconds: 3300, conversions: 2 };
  report.hours[10] = { hour: 10, calls: 25, contacts: 8, contactRate: 0.32 };
  report.hours[14] = { hour: 14, calls: 15, contacts: 4, contactRate: 4 / 15 };
  report.outcomes = report.outcomes.map((row) =>
    row.outcome === 'no_answer'
      ? { ...row, calls: 28 }
      : row.outcome === 'completed_form'
        ? { ...row, calls: 2 }
        : row,
  );
  // An outcome the page has no words for yet.
  report.outcomes.push({ outcome: 'wrong_person', calls: 1 });
  report.agents = [
    buildAgentRow(),
    buildAgentRow({
      agentId: '4',
      name: 'Alice Agent',
      calls: 20,
      contacts: 6,
      talkSeconds: 1500,
      signedInSeconds: 0,
      busySeconds: 0,
      callsPerHour: null,
      talkPercent: null,
      averageGapSeconds: null,
      utilisation: null,
      conversions: 1,
    }),
  ];
  report.funnel = [
    {
      queue: 'unsigned',
      entered: 1204,
      called: 967,
      contacted: 412,
      linkSent: 305,
      linkOpened: 188,
      converted: 71,
    },
    {
      queue: 'outstanding',
      entered: 5,
      called: 0,
      contacted: 0,
      linkSent: 2,
      linkOpened: 1,
      converted: 1,
    },
  ];
  report.firstCall = [
    {
      queue: 'unsigned',
      entered: 1204,
      called: 967,
      calledWithinDay: 903,
      calledWithinDayShare: 903 / 1204,
      medianSecondsToFirstCall: 5430.4,
    },
    {
      queue: 'outstanding',
      entered: 5,
      called: 0,
      calledWithinDay: 0,
      calledWithinDayShare: 0,
      medianSecondsToFirstCall: null,
    },
  ];
  const perBand: Record<(typeof scoreBands)[number], readonly [number, number]> = {
    '0-19': [9, 4],
    '20-39': [11, 3],
    '40-59': [6, 2],
    '60-79': [4, 1],
    '80-99': [2, 0],
    '100+': [0, 0],
    none: [8, 2],
  };
  report.scoreBands = scoreBands.map((band) => {
    const [calls, contacts] = perBand[band];
    return { band, calls, contacts, contactRate: calls === 0 ? null : contacts / calls };
  });
  report.statusTime = [
    buildStatusRow(),
    buildStatusRow({
      agentId: '4',
      name: 'Alice Agent',
      logins: 0,
      availableSeconds: 0,
      onCallSeconds: 0,
      wrapUpSeconds: 0,
      breakSeconds: 0,
    }),
  ];
  return report;
}

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

function isDate(value: string): boolean {
  if (!datePattern.test(value)) return false;
  const at = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(at) && new Date(at).toISOString().slice(0, 10) === value;
}

/**
 * Answers `GET /api/analytics` with `report(range)` (default: the week report for any range,
 * with the range's own days).
 */
export function installAnalytics(
  api: FakeApi,
  report: (range: AnalyticsRange) => AnalyticsReport = (range) => buildWeekReport(range),
) {
  api.on('GET', '/api/analytics', (request) => {
    const session = api.session;
    if (!session) return errorResponse(401, 'unauthenticated', 'Please sign in.');
    if (session.agent.role === 'agent') {
      return errorResponse(403, 'permission_denied', 'only supervisors and admins may do this');
    }
    const query = new URL(request.path, 'http://localhost').searchParams;
    const invalid = (field: string, message: string) =>
      errorResponse(400, 'invalid_argument', message, { field });
    const from = query.get('from') ?? '';
    const to = query.get('to') ?? '';
    if (!isDate(from)) return invalid('from', 'from must be a date (YYYY-MM-DD)');
    if (!isDate(to)) return invalid('to', 'to must be a date (YYYY-MM-DD)');
    if (to < from) return invalid('to', 'to is before from');
    if (daysOf({ from, to }).length > 92) return invalid('to', 'the range is longer than 92 days');
    return jsonResponse(200, { analytics: report({ from, to }) });
  });

  return {
    /** The reports asked for so far, oldest first. */
    reads(): RecordedRequest[] {
      return api.requests.filter((r) => r.method === 'GET' && /^\/api\/analytics\?/.test(r.path));
    },
    /** The query of the last read, as the server read it. */
    lastQuery(): Record<string, string> {
      const last = this.reads().at(-1);
      if (!last) throw new Error('nothing was read');
      return Object.fromEntries(new URL(last.path, 'http://localhost').searchParams);
    },
  };
}
