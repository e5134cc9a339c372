// `GET /api/floor` for feature tests, on top of the shared fake server: supervisors and admins
// only (403 for agents), answering with the board the test sets (and may change between reads).
import {
  errorResponse,
  jsonResponse,
  type FakeApi,
  type RecordedRequest,
} from '@/testing/fake-api';

import type { FloorAgent, FloorBoard } from '../api/schemas';

export function buildFloorAgent(overrides: Partial<FloorAgent> = {}): FloorAgent {
  return {
    agentId: '4',
    name: 'Alice Agent',
    role: 'agent',
    team: '',
    kind: 'human',
    status: 'available',
    reason: null,
    statusSince: '2026-12-02T10:01:00Z',
    call: null,
    today: {
      calls: 3,
      contacts: 1,
      talkSeconds: 65,
      linksSent: 1,
      conversions: 0,
      outcomes: { no_answer: 2, going_to_complete: 1 },
    },
    ...overrides,
  };
}

/** A board taken at 10:15:00 on Wed 2 Dec 2026 (UK time = UTC in winter), with overrides. */
export function buildFloorBoard(overrides: Partial<FloorBoard> = {}): FloorBoard {
  return {
    at: '2026-12-02T10:15:00Z',
    since: '2026-12-02T00:00:00Z',
    thresholds: { ringingSeconds: 60, breakMinutes: 30 },
    agents: [buildFloorAgent()],
    queues: [
      { queue: 'unsigned', total: 388, callableNow: 310, nextCallableAt: null },
      { queue: 'outstanding', total: 12, callableNow: 0, nextCallableAt: '2026-12-02T14:00:00Z' },
      {
        queue: 'callbacks',
        total: 5,
        callableNow: 2,
        dueNow: 2,
        laterToday: 3,
        nextCallableAt: null,
      },
    ],
    today: {
      calls: 1204,
      contacts: 5,
      contactRate: 0.4167,
      talkSeconds: 3_725,
      conversions: 2,
      linksSent: 4,
      linksOpened: 1,
      unreadSms: 3,
      outcomes: { no_answer: 6 },
    },
    alerts: [],
    ...overrides,
  };
}

/**
 * Answers `GET /api/floor` with `board` (as it is when read: change it with `setBoard`), as the
 * server does: 401 signed out, 403 for agents.
 */
export function installFloorBoard(api: FakeApi, board: FloorBoard = buildFloorBoard()) {
  let current = board;
  api.on('GET', '/api/floor', () => {
    const session = api.session;
    if (!session) return errorResponse(401, 'unauthenticated', 'Please sign in.');
    if (session.agent.role === 'agent') {
      return errorResponse(403, 'permission_denied', 'only supervisors and admins may do this');
    }
    return jsonResponse(200, { board: current });
  });
  return {
    /** The board the next read gets. */
    setBoard(next: FloorBoard) {
      current = next;
    },
    /** The reads so far, oldest first. */
    reads(): RecordedRequest[] {
      return api.requests.filter((r) => r.method === 'GET' && r.path === '/api/floor');
    },
  };
}
