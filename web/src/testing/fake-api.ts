// An in-memory stand-in for the dialler server at the fetch level: enough of docs/api.md (login,
// me, logout, CSRF, the error envelope) for feature tests, with per-test overrides.
import type { Agent, ErrorCode, Session } from '@/types/api';

import { buildSession, demoAgents, demoPassword } from './data';

export type RecordedRequest = {
  method: string;
  path: string;
  headers: Headers;
  body: unknown;
  credentials: RequestCredentials | undefined;
};

type Handler = (request: RecordedRequest) => Response | Promise<Response>;

let requestCounter = 0;

function nextRequestId(): string {
  requestCounter += 1;
  return `req-${requestCounter}`;
}

export function jsonResponse(status: number, body: unknown, headers: HeadersInit = {}): Response {
  const all = new Headers(headers);
  all.set('Content-Type', 'application/json');
  if (!all.has('X-Request-Id')) all.set('X-Request-Id', nextRequestId());
  return new Response(JSON.stringify(body), { status, headers: all });
}

export function errorResponse(
  status: number,
  code: ErrorCode,
  message: string,
  options: { field?: string; headers?: HeadersInit } = {},
): Response {
  const requestId = nextRequestId();
  const headers = new Headers(options.headers);
  headers.set('X-Request-Id', requestId);
  return jsonResponse(
    status,
    { error: { code, message, requestId, ...(options.field ? { field: options.field } : {}) } },
    headers,
  );
}

export const wrongCredentialsMessage = 'Wrong email or password.';

export type FakeApi = ReturnType<typeof createFakeApi>;

export function createFakeApi() {
  const accounts = Object.values(demoAgents).map((agent) => ({ agent, password: demoPassword }));
  const overrides = new Map<string, Handler>();
  const requests: RecordedRequest[] = [];
  let session: Session | null = null;

  function requireSession(request: RecordedRequest): Response | Session {
    if (!session) return errorResponse(401, 'unauthenticated', 'Please sign in.');
    if (
      ['POST', 'PUT', 'PATCH', 'DELETE'].includes(request.method) &&
      request.headers.get('X-CSRF-Token') !== session.csrfToken
    ) {
      return errorResponse(403, 'permission_denied', 'Missing or wrong CSRF token.');
    }
    return session;
  }

  const routes: Record<string, Handler> = {
    'POST /api/auth/login': (request) => {
      const body = (request.body ?? {}) as { email?: unknown; password?: unknown };
      if (typeof body.email !== 'string' || body.email === '') {
        return errorResponse(400, 'invalid_argument', 'email is required', { field: 'email' });
      }
      if (typeof body.password !== 'string' || body.password === '') {
        return errorResponse(400, 'invalid_argument', 'password is required', {
          field: 'password',
        });
      }
      const account = accounts.find((a) => a.agent.email === body.email);
      if (!account || account.password !== body.password) {
        return errorResponse(401, 'unauthenticated', wrongCredentialsMessage);
      }
      session = buildSession(account.agent);
      return jsonResponse(200, session);
    },
    'GET /api/auth/me': (request) => {
      const result = requireSession(request);
      return result instanceof Response ? result : jsonResponse(200, result);
    },
    'POST /api/auth/logout': (request) => {
      const result = requireSession(request);
      if (result instanceof Response) return result;
      session = null;
      return jsonResponse(200, { ok: true });
    },
  };

  async function fetchImpl(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
    const url = new URL(
      typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      'http://localhost',
    );
    const method = (init.method ?? 'GET').toUpperCase();
    const text = typeof init.body === 'string' ? init.body : undefined;
    const request: RecordedRequest = {
      method,
      path: url.pathname + url.search,
      headers: new Headers(init.headers),
      body: text === undefined ? undefined : (JSON.parse(text) as unknown),
      credentials: init.credentials,
    };
    requests.push(request);
    const key = `${method} ${url.pathname}`;
    const handler = overrides.get(key) ?? routes[key];
    if (handler) return handler(request);
    const denied = requireSession(request);
    if (denied instanceof Response) return denied;
    return errorResponse(404, 'not_found', `No route for ${key}.`);
  }

  return {
    fetch: fetchImpl,
    requests,
    /** Replaces the answer for one method and path, e.g. `on('GET', '/api/auth/me', …)`. */
    on(method: string, path: string, handler: Handler) {
      overrides.set(`${method} ${path}`, handler);
    },
    /** Starts the test with a live session, as if the user had signed in earlier. */
    signIn(agent: Agent): Session {
      session = buildSession(agent);
      return session;
    },
    /** The server forgets the session (idle expiry, revocation). */
    expireSession() {
      session = null;
    },
    get session() {
      return session;
    },
  };
}
