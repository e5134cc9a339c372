// The callbacks routes for feature tests, on top of the shared fake server: a list per scope as
// docs/api.md describes them, the team (`GET /api/agents`), and reschedule, reassign and cancel
// with the server's checks (agents their own only, pending only, a reason to cancel).
import {
  errorResponse,
  jsonResponse,
  type FakeApi,
  type RecordedRequest,
} from '@/testing/fake-api';

import type { CallbackRow, TeamMember } from '../api/schemas';

export function buildCallback(overrides: Partial<CallbackRow> = {}): CallbackRow {
  return {
    id: '5',
    userId: '1940',
    agentId: '1',
    scheduledFor: '2026-12-02T14:30:00Z',
    status: 'pending',
    notes: 'Wants to talk after lunch',
    failedTries: 0,
    closedReason: null,
    voicemail: null,
    createdBy: { kind: 'agent', agentId: '1' },
    createdAt: '2026-12-01T10:00:00Z',
    updatedAt: '2026-12-01T10:00:00Z',
    customerName: 'Jane Smith',
    ...overrides,
  };
}

export const teamMembers: TeamMember[] = [
  { id: '1', displayName: 'Demo Agent', role: 'agent', active: true },
  { id: '2', displayName: 'Sam Supervisor', role: 'supervisor', active: true },
  { id: '3', displayName: 'Ada Admin', role: 'admin', active: true },
  { id: '4', displayName: 'Alice Agent', role: 'agent', active: true },
  { id: '5', displayName: 'Olive Oldhand', role: 'agent', active: false },
];

const dayMs = 24 * 3_600_000;

export type FakeCallbacks = ReturnType<typeof installCallbacks>;

/**
 * Answers the callbacks routes from `callbacks` (live objects: the test may change them as
 * another user would). Actions are answered for the ids given here. `serverNow` is the list's
 * `now` when set.
 */
export function installCallbacks(
  api: FakeApi,
  callbacks: CallbackRow[],
  { members = teamMembers, serverNow }: { members?: TeamMember[]; serverNow?: string } = {},
) {
  const rows = callbacks;

  function me() {
    const session = api.session;
    if (!session) throw new Error('nobody is signed in');
    return session.agent;
  }

  api.on('GET', '/api/callbacks', (request) => {
    const scope = new URL(request.path, 'http://localhost').searchParams.get('scope');
    const now = Date.now();
    const agent = me();
    let listed: CallbackRow[];
    if (scope === 'mine') {
      listed = rows.filter(
        (row) =>
          row.agentId === agent.id &&
          (row.status === 'pending' || Date.parse(row.updatedAt) > now - 7 * dayMs),
      );
    } else if (scope === 'team') {
      listed = rows.filter((row) => row.status === 'pending');
    } else if (scope === 'overdue') {
      listed = rows.filter((row) => row.status === 'pending' && Date.parse(row.scheduledFor) < now);
    } else {
      return errorResponse(400, 'invalid_argument', 'scope must be mine, team or overdue', {
        field: 'scope',
      });
    }
    // The server's order is not the page's concern: it sorts by itself.
    return jsonResponse(200, {
      callbacks: [...listed].reverse(),
      ...(serverNow ? { now: serverNow } : {}),
    });
  });
  api.on('GET', '/api/agents', () => jsonResponse(200, { agents: members }));

  function change(
    request: RecordedRequest,
    row: CallbackRow,
    apply: (body: Record<string, unknown>) => Response | null,
  ): Response {
    const agent = me();
    if (agent.role === 'agent' && row.agentId !== agent.id) {
      return errorResponse(403, 'permission_denied', 'this callback is booked with another agent');
    }
    if (row.status !== 'pending') {
      return errorResponse(409, 'failed_precondition', 'this callback is no longer pending');
    }
    const refused = apply((request.body ?? {}) as Record<string, unknown>);
    if (refused) return refused;
    row.updatedAt = new Date(Date.now()).toISOString();
    return jsonResponse(200, { callback: row });
  }

  for (const row of rows) {
    const base = `/api/callbacks/${row.id}`;
    api.on('POST', `${base}/reschedule`, (request) =>
      change(request, row, (body) => {
        if (typeof body.scheduledFor !== 'string' || Number.isNaN(Date.parse(body.scheduledFor))) {
          return errorResponse(400, 'invalid_argument', 'scheduledFor is required', {
            field: 'scheduledFor',
          });
        }
        row.scheduledFor = body.scheduledFor;
        return null;
      }),
    );
    api.on('POST', `${base}/reassign`, (request) => {
      if (me().role === 'agent') {
        return errorResponse(403, 'permission_denied', 'only supervisors may reassign callbacks');
      }
      return change(request, row, (body) => {
        const agentId = body.agentId;
        if (agentId !== null && !members.some((m) => m.id === agentId && m.active)) {
          return errorResponse(400, 'invalid_argument', 'agentId is not an active agent', {
            field: 'agentId',
          });
        }
        row.agentId = agentId as string | null;
        return null;
      });
    });
    api.on('POST', `${base}/cancel`, (request) =>
      change(request, row, (body) => {
        const reason = typeof body.reason === 'string' ? body.reason.trim() : '';
        if (reason === '') {
          return errorResponse(400, 'invalid_argument', 'reason is required', { field: 'reason' });
        }
        row.status = 'cancelled';
        row.closedReason = reason;
        return null;
      }),
    );
  }

  return {
    rows,
    /** The requests for one scope's list so far. */
    listReads(scope: string): number {
      return api.requests.filter(
        (r) => r.method === 'GET' && r.path === `/api/callbacks?scope=${scope}`,
      ).length;
    },
    posts(id: string, action: string): RecordedRequest[] {
      return api.requests.filter(
        (r) => r.method === 'POST' && r.path === `/api/callbacks/${id}/${action}`,
      );
    },
  };
}
