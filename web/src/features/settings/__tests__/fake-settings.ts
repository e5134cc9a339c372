// The settings routes of the fake server (docs/api.md "Settings (queue engine)"): the map the
// server seeds, PUT checking a few keys as settings_codec.cpp does (enough for the screens), and
// nothing changed when one value is refused.
import {
  errorResponse,
  jsonResponse,
  type FakeApi,
  type RecordedRequest,
} from '@/testing/fake-api';

/** What `GET /api/settings` answers on a fresh server (EncodeSettings of the defaults). */
export function defaultSettings(): Record<string, string> {
  const settings: Record<string, string> = {
    'window.mon': '08:00-20:00',
    'window.tue': '08:00-20:00',
    'window.wed': '08:00-20:00',
    'window.thu': '08:00-20:00',
    'window.fri': '08:00-20:00',
    'window.sat': '09:00-17:00',
    'window.sun': 'closed',
    'window.bankHolidays': 'closed',
    'window.closedDays': '',
    'window.openDays': '',
    'caps.callsPerDay': '3',
    'caps.callsPer7Days': '10',
    'caps.smsPerDay': '2',
    'score.unsignedBase': '0',
    'score.outstandingBase': '20',
    'score.unknownLenderPoints': '10',
    'score.unknownAgePoints': '5',
    'score.pointsPerWaitingDay': '1',
    'score.maxWaitingPoints': '60',
    'score.pointsPerAttempt': '2',
    'score.giveUpThreshold': '200',
    'score.ageBands': '18-24:6,25-34:2,35-54:0,55-64:3,65-200:8',
    'lender.black_horse': '0',
    'lender.vw_finance': '1',
    'lender.moneybarn': '3',
    'eligibility.inactiveUserStatuses': 'closed,deceased',
    'eligibility.closedClaimStatuses': 'rejected,withdrawn',
    'eligibility.pendingRequirementStatuses': 'pending',
    'eligibility.excludedRequirements': '',
    'lease.seconds': '120',
    'callback.graceMinutes': '15',
    'callback.maxFailedTries': '3',
    'conversion.creditDays': '14',
    'autoDial.countdownSeconds': '10',
    'autoDial.maxCallsPerSession': '150',
    'autoDial.breakReminderMinutes': '120',
    'inbound.outOfHoursMessage': 'Thank you for calling. We will call you back when we open.',
    'inbound.ringSeconds': '20',
    'inbound.voicemail': 'on',
  };
  const outcomes: Array<[string, string, string]> = [
    ['completed_form', '0', '1440'],
    ['going_to_complete', '0', '4320'],
    ['might_complete', '2', '1440'],
    ['call_back', '0', ''],
    ['no_answer', '1', '240'],
    ['voicemail_left', '1', '1440'],
    ['hung_up', '2', '240'],
    ['bad_number', '0', ''],
    ['not_interested', '100', '40320'],
    ['no_claim', '0', ''],
    ['do_not_contact', '0', ''],
  ];
  for (const [code, score, next] of outcomes) {
    settings[`outcome.${code}.score`] = score;
    settings[`outcome.${code}.nextCallMinutes`] = next;
  }
  return settings;
}

const windowPattern = /^(\d\d):(\d\d)-(\d\d):(\d\d)$/;

/** The server's refusal of one value, or null when it would take it. */
function refusal(key: string, value: string): string | null {
  if (/^window\.(mon|tue|wed|thu|fri|sat|sun)$/.test(key)) {
    if (value === 'closed') return null;
    const match = windowPattern.exec(value);
    const minutes = (h?: string, m?: string) => Number(h) * 60 + Number(m);
    if (
      !match ||
      Number(match[1]) > 24 ||
      Number(match[3]) > 24 ||
      minutes(match[1], match[2]) >= minutes(match[3], match[4])
    ) {
      return `${key} must be HH:MM-HH:MM (opening before closing) or closed`;
    }
    if (minutes(match[1], match[2]) < 8 * 60 || minutes(match[3], match[4]) > 21 * 60) {
      return `${key} must lie within 08:00-21:00 (the calling hours the configuration allows)`;
    }
    return null;
  }
  if (key === 'caps.callsPerDay' && !/^([1-9]|10)$/.test(value)) {
    return `${key} must be a whole number from 1 to 10`;
  }
  if (/^(caps|score|lender|autoDial|inbound\.ringSeconds)/.test(key) && !/^-?\d+$/.test(value)) {
    return `${key} must be a whole number`;
  }
  return null;
}

export type FakeSettings = {
  /** The settings as the fake server holds them now. */
  readonly current: Record<string, string>;
  /** The bodies of every PUT /api/settings, oldest first. */
  readonly puts: Array<Record<string, string>>;
};

/** Installs GET and PUT /api/settings on `api`, starting from `initial` (default: the seeds). */
export function serveSettings(
  api: FakeApi,
  initial: Record<string, string> = defaultSettings(),
): FakeSettings {
  let current = { ...initial };
  const puts: Array<Record<string, string>> = [];
  const signedIn = () => api.session;
  api.on('GET', '/api/settings', () =>
    signedIn()
      ? jsonResponse(200, { settings: current })
      : errorResponse(401, 'unauthenticated', 'Please sign in.'),
  );
  api.on('PUT', '/api/settings', (request: RecordedRequest) => {
    const session = signedIn();
    if (!session) return errorResponse(401, 'unauthenticated', 'Please sign in.');
    if (request.headers.get('X-CSRF-Token') !== session.csrfToken) {
      return errorResponse(403, 'permission_denied', 'Missing or wrong CSRF token.');
    }
    if (session.agent.role !== 'admin') {
      return errorResponse(403, 'permission_denied', 'Only admins may change settings.');
    }
    const body = (request.body ?? {}) as { settings?: Record<string, string> };
    const changes = body.settings ?? {};
    puts.push(changes);
    for (const [key, value] of Object.entries(changes)) {
      if (!(key in current) && !key.startsWith('lender.')) {
        return errorResponse(400, 'invalid_argument', `${key} is not a setting`, { field: key });
      }
      const refused = refusal(key, value);
      if (refused) return errorResponse(400, 'invalid_argument', refused, { field: key });
    }
    current = { ...current, ...changes };
    return jsonResponse(200, { settings: current });
  });
  return {
    get current() {
      return current;
    },
    puts,
  };
}
