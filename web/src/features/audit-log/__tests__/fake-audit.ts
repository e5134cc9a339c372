// `GET /api/audit` for feature tests, on top of the shared fake server: supervisors and admins
// only, the filters checked and applied as the server does (400 naming the field), newest first,
// a page at a time with `before`; and the people of `GET /api/agents`.
import {
  errorResponse,
  jsonResponse,
  type FakeApi,
  type RecordedRequest,
} from '@/testing/fake-api';

import type { AuditEntry } from '../api/schemas';

export function buildAuditEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: '812',
    at: '2026-11-04T11:02:00Z',
    actor: { kind: 'agent', agentId: '2' },
    action: 'call.recording_played',
    subjectType: 'call_session',
    subjectId: '12',
    userId: '96',
    details: { recordingSid: 'RE0123456789abcdef0123456789abcdef' },
    requestId: 'abc123',
    ...overrides,
  };
}

export const auditPeople = [
  { id: '1', displayName: 'Demo Agent', role: 'agent', active: true },
  { id: '2', displayName: 'Sam Supervisor', role: 'supervisor', active: true },
  { id: '3', displayName: 'Ada Admin', role: 'admin', active: true },
  { id: '4', displayName: 'Alice Agent', role: 'agent', active: true },
];

const positive = /^[1-9]\d*$/;
/** A whole action (`call.recording_played`) or a prefix ending in a dot (`call.`). */
const actionPattern = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*\.?$/;

/**
 * Answers `GET /api/audit` from `entries` (any order; listed newest first) and `GET /api/agents`
 * from `people`. `pageSize` is the server's default limit.
 */
export function installAudit(
  api: FakeApi,
  entries: AuditEntry[],
  { people = auditPeople, pageSize = 50 }: { people?: typeof auditPeople; pageSize?: number } = {},
) {
  api.on('GET', '/api/agents', () => jsonResponse(200, { agents: people }));
  api.on('GET', '/api/audit', (request) => {
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
    const action = query.get('action');
    if (action !== null && !actionPattern.test(action)) {
      return invalid(
        'action',
        'action must be an action such as call.started, or a prefix such as call.',
      );
    }
    const times: Record<string, number> = {};
    for (const field of ['from', 'to']) {
      const value = query.get(field);
      if (value === null) continue;
      const ms = /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(value) : Number.NaN;
      if (Number.isNaN(ms)) return invalid(field, `${field} must be an RFC 3339 date-time`);
      times[field] = ms;
    }
    const limit = Number(query.get('limit') ?? pageSize);
    const before = query.get('before');
    const agentId = query.get('agentId');
    const listed = entries
      .filter((entry) => agentId === null || entry.actor.agentId === agentId)
      .filter(
        (entry) =>
          action === null ||
          (action.endsWith('.') ? entry.action.startsWith(action) : entry.action === action),
      )
      .filter((entry) => (query.get('userId') ?? entry.userId) === entry.userId)
      .filter((entry) => times.from === undefined || Date.parse(entry.at) >= times.from)
      .filter((entry) => times.to === undefined || Date.parse(entry.at) < times.to)
      .filter((entry) => before === null || Number(entry.id) < Number(before))
      .sort((a, b) => Number(b.id) - Number(a.id));
    return jsonResponse(200, { entries: listed.slice(0, limit), hasMore: listed.length > limit });
  });

  return {
    /** The searches asked so far, oldest first. */
    reads(): RecordedRequest[] {
      return api.requests.filter((r) => r.method === 'GET' && /^\/api\/audit(\?|$)/.test(r.path));
    },
    /** The query of the last search, as the server read it. */
    lastQuery(): Record<string, string> {
      const last = this.reads().at(-1);
      if (!last) throw new Error('nothing was searched');
      return Object.fromEntries(new URL(last.path, 'http://localhost').searchParams);
    },
  };
}
