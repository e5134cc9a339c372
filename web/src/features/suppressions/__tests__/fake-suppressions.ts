// The do-not-contact routes of the fake server (docs/api.md "Suppression (do not contact)"), as
// the server answers them (src/dialler/adapters/http/routes_queue.cpp): the list with its filters,
// adding a customer or a number, and removing an entry with a reason.
import {
  errorResponse,
  jsonResponse,
  type FakeApi,
  type RecordedRequest,
} from '@/testing/fake-api';

import type { Suppression } from '../api/schemas';

/** Customers the fake dialler knows (an entry for anyone else is refused with 404). */
export const knownCustomers = ['1940', '2001', '3043'];

/** The people `GET /api/agents` names. */
export const people = [
  { id: '1', displayName: 'Demo Agent', role: 'agent', active: true },
  { id: '3', displayName: 'Ada Admin', role: 'admin', active: true },
];

let stamp = 0;

/** An entry in force for customer 1940, added by the demo agent, unless told otherwise. */
export function buildSuppression(overrides: Partial<Suppression> = {}): Suppression {
  stamp += 1;
  return {
    id: String(100 + stamp),
    userId: '1940',
    phone: null,
    channel: 'all',
    reason: 'Asked on the phone not to be called again.',
    source: 'agent',
    createdBy: { kind: 'agent', agentId: '1' },
    createdAt: '2026-11-02T10:15:00Z',
    removedAt: null,
    removedReason: '',
    ...overrides,
  };
}

/** "07400 123456" → "+44 •••• ••• 456", as the server masks numbers. */
function masked(phone: string): string | null {
  const digits = phone.replace(/\s+/g, '');
  return /^07\d{9}$/.test(digits) ? `+44 •••• ••• ${digits.slice(-3)}` : null;
}

function nowStamp(): string {
  return new Date(Math.floor(Date.now() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export type FakeSuppressions = { readonly entries: Suppression[] };

/** Installs the suppression routes (and `GET /api/agents`) on `api`, holding `initial`. */
export function serveSuppressions(api: FakeApi, initial: Suppression[] = []): FakeSuppressions {
  const entries = [...initial];
  let nextId = 500;

  function signedIn(request: RecordedRequest) {
    const session = api.session;
    if (!session) return errorResponse(401, 'unauthenticated', 'Please sign in.');
    if (request.method === 'POST' && request.headers.get('X-CSRF-Token') !== session.csrfToken) {
      return errorResponse(403, 'permission_denied', 'Missing or wrong CSRF token.');
    }
    return session;
  }

  function removeRoute(id: string) {
    api.on('POST', `/api/suppressions/${id}/remove`, (request) => {
      const session = signedIn(request);
      if (session instanceof Response) return session;
      const reason = ((request.body ?? {}) as { reason?: unknown }).reason;
      if (typeof reason !== 'string' || reason.trim() === '') {
        return errorResponse(400, 'invalid_argument', 'reason is required', { field: 'reason' });
      }
      const index = entries.findIndex((entry) => entry.id === id && entry.removedAt === null);
      const entry = entries[index];
      if (!entry) return errorResponse(404, 'not_found', `no active suppression ${id}`);
      const removed = { ...entry, removedAt: nowStamp(), removedReason: reason };
      entries[index] = removed;
      return jsonResponse(200, { suppression: removed });
    });
  }

  for (const entry of entries) removeRoute(entry.id);

  api.on('GET', '/api/agents', () => jsonResponse(200, { agents: people }));
  api.on('GET', '/api/suppressions', (request) => {
    const session = signedIn(request);
    if (session instanceof Response) return session;
    const query = new URL(request.path, 'http://localhost').searchParams;
    const userId = query.get('userId');
    const listed = entries.filter(
      (entry) =>
        (userId === null || entry.userId === userId) &&
        (query.get('includeRemoved') === 'true' || entry.removedAt === null),
    );
    return jsonResponse(200, { suppressions: listed });
  });
  api.on('POST', '/api/suppressions', (request) => {
    const session = signedIn(request);
    if (session instanceof Response) return session;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const invalid = (field: string, message: string) =>
      errorResponse(400, 'invalid_argument', message, { field });
    const userId = typeof body.userId === 'string' ? body.userId : null;
    if (userId !== null && !/^[1-9]\d*$/.test(userId)) {
      return invalid('userId', 'userId must be a positive whole number');
    }
    let phone: string | null = null;
    if (typeof body.phone === 'string') {
      phone = masked(body.phone);
      if (phone === null) return invalid('phone', 'phone is not a valid phone number');
    }
    if (!['call', 'sms', 'all'].includes(String(body.channel))) {
      return invalid('channel', 'channel must be call, sms or all');
    }
    if (userId === null && phone === null) return invalid('userId', 'userId or phone is required');
    if (userId !== null && !knownCustomers.includes(userId)) {
      return errorResponse(404, 'not_found', `no customer ${userId} is known to the dialler`, {
        field: 'userId',
      });
    }
    if (typeof body.reason !== 'string' || body.reason.trim() === '') {
      return invalid('reason', 'reason is required');
    }
    nextId += 1;
    const added: Suppression = {
      id: String(nextId),
      userId,
      phone,
      channel: String(body.channel),
      reason: body.reason,
      source: session.agent.role === 'agent' ? 'agent' : 'admin',
      createdBy: { kind: 'agent', agentId: session.agent.id },
      createdAt: nowStamp(),
      removedAt: null,
      removedReason: '',
    };
    entries.push(added);
    removeRoute(added.id);
    return jsonResponse(201, { suppression: added });
  });
  return { entries };
}
