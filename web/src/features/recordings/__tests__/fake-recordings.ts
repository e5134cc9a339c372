// `GET /api/recordings` for feature tests, on top of the shared fake server: supervisors and
// admins only, the filters checked and applied as the server does (400 naming the field), newest
// first, a page at a time with `before`; and the people of `GET /api/agents`.
import {
  errorResponse,
  jsonResponse,
  type FakeApi,
  type RecordedRequest,
} from '@/testing/fake-api';
import { outcomeCodeSchema } from '@/types/api';

import type { RecordedCall } from '../api/schemas';

export function buildRecordedCall(overrides: Partial<RecordedCall> = {}): RecordedCall {
  const callSessionId = overrides.callSessionId ?? '12';
  return {
    callSessionId,
    at: '2026-11-04T11:00:00Z',
    agentId: '1',
    userId: '96',
    customerName: 'Jane Smith',
    direction: 'outbound',
    outcome: 'going_to_complete',
    talkSeconds: 95,
    recording: { seconds: 95, url: `/api/call-sessions/${callSessionId}/recording` },
    ...overrides,
  };
}

export const floorPeople = [
  { id: '1', displayName: 'Demo Agent', role: 'agent', active: true },
  { id: '2', displayName: 'Sam Supervisor', role: 'supervisor', active: true },
  { id: '3', displayName: 'Ada Admin', role: 'admin', active: true },
  { id: '4', displayName: 'Alice Agent', role: 'agent', active: true },
  { id: '5', displayName: 'Olive Oldhand', role: 'agent', active: false },
];

const positive = /^[1-9]\d*$/;

/**
 * Answers `GET /api/recordings` from `calls` (any order; listed newest first) and
 * `GET /api/agents` from `people`. `pageSize` is the server's default limit.
 */
export function installRecordings(
  api: FakeApi,
  calls: RecordedCall[],
  { people = floorPeople, pageSize = 50 }: { people?: typeof floorPeople; pageSize?: number } = {},
) {
  api.on('GET', '/api/agents', () => jsonResponse(200, { agents: people }));
  api.on('GET', '/api/recordings', (request) => {
    const session = api.session;
    if (!session) return errorResponse(401, 'unauthenticated', 'Please sign in.');
    if (session.agent.role === 'agent') {
      return errorResponse(403, 'permission_denied', 'only supervisors and admins may do this');
    }
    const query = new URL(request.path, 'http://localhost').searchParams;
    const invalid = (field: string, message: string) =>
      errorResponse(400, 'invalid_argument', message, { field });
    for (const field of ['agentId', 'userId', 'before']) {
      const value = query.get(field);
      if (value !== null && !positive.test(value)) {
        return invalid(field, `${field} must be a positive integer`);
      }
    }
    const outcome = query.get('outcome');
    if (outcome !== null && !outcomeCodeSchema.safeParse(outcome).success) {
      return invalid('outcome', 'outcome is not an outcome code');
    }
    const times: Record<string, number> = {};
    for (const field of ['from', 'to']) {
      const value = query.get(field);
      if (value === null) continue;
      const ms = /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(value) : Number.NaN;
      if (Number.isNaN(ms)) return invalid(field, `${field} must be an RFC 3339 date-time`);
      times[field] = ms;
    }
    if (times.from !== undefined && times.to !== undefined && times.from >= times.to) {
      return invalid('to', 'to must be after from');
    }
    const limit = Number(query.get('limit') ?? pageSize);
    const before = query.get('before');
    const listed = calls
      .filter((call) => (query.get('agentId') ?? call.agentId) === call.agentId)
      .filter((call) => (query.get('userId') ?? call.userId) === call.userId)
      .filter((call) => outcome === null || call.outcome === outcome)
      .filter((call) => times.from === undefined || Date.parse(call.at) >= times.from)
      .filter((call) => times.to === undefined || Date.parse(call.at) < times.to)
      .filter((call) => before === null || Number(call.callSessionId) < Number(before))
      .sort((a, b) => Number(b.callSessionId) - Number(a.callSessionId));
    return jsonResponse(200, {
      recordings: listed.slice(0, limit),
      hasMore: listed.length > limit,
    });
  });

  return {
    /** The searches asked so far, oldest first. */
    reads(): RecordedRequest[] {
      return api.requests.filter(
        (r) => r.method === 'GET' && /^\/api\/recordings(\?|$)/.test(r.path),
      );
    },
    /** The query of the last search, as the server read it. */
    lastQuery(): Record<string, string> {
      const last = this.reads().at(-1);
      if (!last) throw new Error('nothing was searched');
      return Object.fromEntries(new URL(last.path, 'http://localhost').searchParams);
    },
  };
}
