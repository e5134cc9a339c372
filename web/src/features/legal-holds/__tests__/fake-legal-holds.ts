// The legal-hold routes of the fake server, as the server answers them
// (src/dialler/adapters/http/routes_legal_holds.cpp, src/dialler/app/retention.cpp): the list,
// with released holds on request, placing a hold on a known customer and releasing one with a
// reason. Admins only.
import {
  errorResponse,
  jsonResponse,
  type FakeApi,
  type RecordedRequest,
} from '@/testing/fake-api';

import type { LegalHold } from '../api/schemas';

/** Customers the fake dialler knows (a hold on anyone else is refused with 404). */
export const knownCustomers = ['1940', '2001', '3043'];

/** The people `GET /api/agents` names. */
export const people = [
  { id: '1', displayName: 'Demo Agent', role: 'agent', active: true },
  { id: '3', displayName: 'Ada Admin', role: 'admin', active: true },
  { id: '4', displayName: 'Lee Lawyer-Admin', role: 'admin', active: true },
];

let stamp = 0;

/** A hold in force on customer 1940, placed by Ada Admin, unless told otherwise. */
export function buildHold(overrides: Partial<LegalHold> = {}): LegalHold {
  stamp += 1;
  return {
    id: String(100 + stamp),
    userId: '1940',
    reason: 'Complaint to the ombudsman',
    active: true,
    placedBy: '3',
    placedAt: '2026-11-02T10:15:00Z',
    releasedBy: null,
    releasedAt: null,
    releaseReason: '',
    ...overrides,
  };
}

function nowStamp(): string {
  return new Date(Math.floor(Date.now() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export type FakeLegalHolds = { readonly holds: LegalHold[] };

/** Installs the legal-hold routes (and `GET /api/agents`) on `api`, holding `initial`. */
export function serveLegalHolds(api: FakeApi, initial: LegalHold[] = []): FakeLegalHolds {
  const holds = [...initial];
  let nextId = 500;

  function admin(request: RecordedRequest) {
    const session = api.session;
    if (!session) return errorResponse(401, 'unauthenticated', 'Please sign in.');
    if (request.method === 'POST' && request.headers.get('X-CSRF-Token') !== session.csrfToken) {
      return errorResponse(403, 'permission_denied', 'Missing or wrong CSRF token.');
    }
    if (session.agent.role !== 'admin') {
      return errorResponse(403, 'permission_denied', 'You are not allowed to do that.');
    }
    return session;
  }

  const reasonProblem = (reason: unknown) => {
    if (typeof reason !== 'string' || reason === '') {
      return errorResponse(400, 'invalid_argument', 'reason is required', { field: 'reason' });
    }
    // The server counts bytes, not characters.
    if (new TextEncoder().encode(reason).length > 2000) {
      return errorResponse(400, 'invalid_argument', 'reason is too long', { field: 'reason' });
    }
    if (reason.trim() === '') {
      return errorResponse(400, 'invalid_argument', 'reason is required', { field: 'reason' });
    }
    return null;
  };

  function releaseRoute(id: string) {
    api.on('POST', `/api/admin/legal-holds/${id}/release`, (request) => {
      const session = admin(request);
      if (session instanceof Response) return session;
      const refused = reasonProblem(((request.body ?? {}) as { reason?: unknown }).reason);
      if (refused) return refused;
      const index = holds.findIndex((hold) => hold.id === id && hold.active);
      const hold = holds[index];
      if (!hold) return errorResponse(404, 'not_found', `no active legal hold ${id}`);
      const released: LegalHold = {
        ...hold,
        active: false,
        releasedBy: session.agent.id,
        releasedAt: nowStamp(),
        releaseReason: String((request.body as { reason: string }).reason),
      };
      holds[index] = released;
      return jsonResponse(200, { hold: released });
    });
  }

  for (const hold of holds) releaseRoute(hold.id);

  api.on('GET', '/api/agents', () => jsonResponse(200, { agents: people }));
  api.on('GET', '/api/admin/legal-holds', (request) => {
    const session = admin(request);
    if (session instanceof Response) return session;
    const flag = new URL(request.path, 'http://localhost').searchParams.get('includeReleased');
    if (flag !== null && flag !== 'true' && flag !== 'false') {
      return errorResponse(400, 'invalid_argument', 'includeReleased must be true or false', {
        field: 'includeReleased',
      });
    }
    const listed = holds
      .filter((hold) => flag === 'true' || hold.active)
      .sort((a, b) => b.placedAt.localeCompare(a.placedAt) || Number(b.id) - Number(a.id));
    return jsonResponse(200, { holds: listed });
  });
  api.on('POST', '/api/admin/legal-holds', (request) => {
    const session = admin(request);
    if (session instanceof Response) return session;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const userId = body.userId;
    if (typeof userId !== 'string' || userId === '') {
      return errorResponse(400, 'invalid_argument', 'userId is required', { field: 'userId' });
    }
    if (!/^[1-9]\d*$/.test(userId)) {
      return errorResponse(400, 'invalid_argument', 'userId must be a positive whole number', {
        field: 'userId',
      });
    }
    if (typeof body.reason !== 'string' || body.reason === '') {
      return errorResponse(400, 'invalid_argument', 'reason is required', { field: 'reason' });
    }
    if (!knownCustomers.includes(userId)) {
      return errorResponse(404, 'not_found', `no customer ${userId} is known to the dialler`, {
        field: 'userId',
      });
    }
    const refused = reasonProblem(body.reason);
    if (refused) return refused;
    if (holds.some((hold) => hold.userId === userId && hold.active)) {
      return errorResponse(
        409,
        'already_exists',
        `customer ${userId} is already under a legal hold`,
        { field: 'userId' },
      );
    }
    nextId += 1;
    const placed: LegalHold = {
      id: String(nextId),
      userId,
      reason: body.reason,
      active: true,
      placedBy: session.agent.id,
      placedAt: nowStamp(),
      releasedBy: null,
      releasedAt: null,
      releaseReason: '',
    };
    holds.push(placed);
    releaseRoute(placed.id);
    return jsonResponse(201, { hold: placed });
  });
  return { holds };
}
