// The agent-account routes of the fake server (docs/api.md "Agent accounts (admins)"), as the
// server answers them (src/dialler/adapters/http/routes_admin_agents.cpp and AgentService): the
// list, adding an account (a person, or a machine agent without a password), changing one (only
// what is sent; never locking the admin out) and a password reset (none for a machine agent).
import { demoAgents } from '@/testing/data';
import {
  errorResponse,
  jsonResponse,
  type FakeApi,
  type RecordedRequest,
} from '@/testing/fake-api';
import type { QueueName, Role } from '@/types/api';

import type { AgentAccount } from '../api/schemas';

const everyQueue: QueueName[] = ['unsigned', 'outstanding', 'callbacks'];

/** An active agent on every queue, unless told otherwise. */
export function buildAccount(overrides: Partial<AgentAccount> = {}): AgentAccount {
  return {
    id: '10',
    email: 'kim@example.com',
    displayName: 'Kim Floor',
    role: 'agent',
    kind: 'human',
    queues: everyQueue,
    team: 'North',
    active: true,
    createdAt: '2026-11-02T10:15:00Z',
    updatedAt: '2026-11-02T10:15:00Z',
    passwordChangedAt: '2026-11-02T10:15:00Z',
    ...overrides,
  };
}

/** The demo accounts (agent 1, supervisor 2, admin 3) as the admin's list shows them. */
export function demoAccounts(): AgentAccount[] {
  return Object.values(demoAgents).map((agent) =>
    buildAccount({
      ...agent,
      queues: agent.queues.length === 0 ? everyQueue : agent.queues,
      team: '',
    }),
  );
}

function nowStamp(): string {
  return new Date(Math.floor(Date.now() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export type FakeAgentAccounts = {
  readonly accounts: AgentAccount[];
  /** The passwords set, by account id (the server only keeps their hashes). */
  readonly passwords: Map<string, string>;
};

/** Installs the admin's account routes on `api`, holding `initial` (by id). */
export function serveAgentAccounts(
  api: FakeApi,
  initial: AgentAccount[] = demoAccounts(),
): FakeAgentAccounts {
  const accounts = [...initial];
  const passwords = new Map<string, string>();
  let nextId = 100;

  function admin(request: RecordedRequest) {
    const session = api.session;
    if (!session) return errorResponse(401, 'unauthenticated', 'Please sign in.');
    if (request.method !== 'GET' && request.headers.get('X-CSRF-Token') !== session.csrfToken) {
      return errorResponse(403, 'permission_denied', 'Missing or wrong CSRF token.');
    }
    if (session.agent.role !== 'admin') {
      return errorResponse(403, 'permission_denied', 'You are not allowed to do that.');
    }
    return session;
  }

  const invalid = (field: string, message: string) =>
    errorResponse(400, 'invalid_argument', message, { field });

  function checkName(value: unknown): string | Response {
    const name = typeof value === 'string' ? value.trim() : '';
    if (name === '') return invalid('displayName', 'displayName is required');
    if (name.length > 100) return invalid('displayName', 'displayName is too long');
    return name;
  }

  function checkRole(value: unknown): Role | Response {
    return value === 'agent' || value === 'supervisor' || value === 'admin'
      ? value
      : invalid('role', 'role must be one of agent, supervisor, admin');
  }

  function checkQueues(value: unknown): QueueName[] | Response {
    const wrong = invalid('queues', 'queues must be a list of unsigned, outstanding, callbacks');
    if (value === undefined || value === null) return everyQueue;
    if (!Array.isArray(value)) return wrong;
    if (value.some((queue) => !everyQueue.includes(queue as QueueName))) return wrong;
    return value.length === 0 ? everyQueue : everyQueue.filter((queue) => value.includes(queue));
  }

  function checkTeam(value: unknown): string | Response {
    const team = typeof value === 'string' ? value.trim() : '';
    if (team.length > 60) return invalid('team', 'team must be at most 60 characters');
    return team;
  }

  function checkPassword(value: unknown): string | Response {
    if (typeof value !== 'string' || value === '') {
      return invalid('password', 'password is required');
    }
    if (new TextEncoder().encode(value).length < 12) {
      return invalid('password', 'password must be at least 12 characters');
    }
    return value;
  }

  function accountRoutes(id: string) {
    api.on('PATCH', `/api/admin/agents/${id}`, (request) => {
      const session = admin(request);
      if (session instanceof Response) return session;
      const index = accounts.findIndex((account) => account.id === id);
      const before = accounts[index];
      if (!before) return errorResponse(404, 'not_found', `no agent ${id}`);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const after = { ...before };
      if (body.displayName !== undefined) {
        const name = checkName(body.displayName);
        if (name instanceof Response) return name;
        after.displayName = name;
      }
      if (body.role !== undefined) {
        const role = checkRole(body.role);
        if (role instanceof Response) return role;
        after.role = role;
      }
      if (body.queues !== undefined) {
        const queues = checkQueues(body.queues);
        if (queues instanceof Response) return queues;
        after.queues = queues;
      }
      if (body.team !== undefined) {
        const team = checkTeam(body.team);
        if (team instanceof Response) return team;
        after.team = team;
      }
      if (body.active !== undefined) {
        if (typeof body.active !== 'boolean') {
          return invalid('active', 'active must be true or false');
        }
        after.active = body.active;
      }
      const self = session.agent.id === id;
      if (self && body.active === false) {
        return errorResponse(409, 'failed_precondition', 'you cannot deactivate your own account', {
          field: 'active',
        });
      }
      if (self && before.role === 'admin' && after.role !== 'admin') {
        return errorResponse(
          409,
          'failed_precondition',
          'you cannot take away your own admin role',
          { field: 'role' },
        );
      }
      after.updatedAt = nowStamp();
      accounts[index] = after;
      return jsonResponse(200, { agent: after });
    });
    api.on('POST', `/api/admin/agents/${id}/password`, (request) => {
      const session = admin(request);
      if (session instanceof Response) return session;
      const password = checkPassword(((request.body ?? {}) as { password?: unknown }).password);
      if (password instanceof Response) return password;
      const index = accounts.findIndex((account) => account.id === id);
      const account = accounts[index];
      if (!account) return errorResponse(404, 'not_found', `no agent ${id}`);
      if (account.kind === 'machine') {
        return errorResponse(409, 'failed_precondition', 'a machine agent has no password', {
          field: 'password',
        });
      }
      passwords.set(id, password);
      accounts[index] = { ...account, passwordChangedAt: nowStamp() };
      return jsonResponse(200, { ok: true });
    });
  }

  for (const account of accounts) accountRoutes(account.id);

  api.on('GET', '/api/admin/agents', (request) => {
    const session = admin(request);
    if (session instanceof Response) return session;
    return jsonResponse(200, { agents: accounts });
  });
  api.on('POST', '/api/admin/agents', (request) => {
    const session = admin(request);
    if (session instanceof Response) return session;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const email = typeof body.email === 'string' ? body.email.trim().toLowerCase() : '';
    if (email === '') return invalid('email', 'email is required');
    if (!/^[^@\s]+@[^@\s]+$/.test(email)) return invalid('email', 'email must be an email address');
    const name = checkName(body.displayName);
    if (name instanceof Response) return name;
    const role = checkRole(body.role);
    if (role instanceof Response) return role;
    const queues = checkQueues(body.queues);
    if (queues instanceof Response) return queues;
    const team = checkTeam(body.team);
    if (team instanceof Response) return team;
    const kind = body.kind ?? 'human';
    if (kind !== 'human' && kind !== 'machine') {
      return invalid('kind', 'kind must be human or machine');
    }
    let password: string | null = null;
    if (kind === 'machine') {
      if (role !== 'agent') return invalid('role', 'role must be agent for a machine agent');
      if (body.password !== undefined) {
        return invalid('password', 'password must not be set for a machine agent');
      }
    } else {
      const checked = checkPassword(body.password);
      if (checked instanceof Response) return checked;
      password = checked;
    }
    if (accounts.some((account) => account.email === email)) {
      return errorResponse(409, 'already_exists', 'an agent with this email already exists', {
        field: 'email',
      });
    }
    nextId += 1;
    const at = nowStamp();
    const added: AgentAccount = {
      id: String(nextId),
      email,
      displayName: name,
      role,
      kind,
      queues,
      team,
      active: true,
      createdAt: at,
      updatedAt: at,
      passwordChangedAt: password === null ? null : at,
    };
    accounts.push(added);
    if (password !== null) passwords.set(added.id, password);
    accountRoutes(added.id);
    return jsonResponse(201, { agent: added });
  });
  return { accounts, passwords };
}
