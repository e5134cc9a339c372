// The API-key routes of the fake server (docs/api.md "Machine agents"), as the server answers them
// (src/dialler/app/api_keys.cpp and routes_admin_agents.cpp): a machine agent's keys, making one
// (the secret in that answer only) and revoking one (404 once it is no longer active).
import type { AgentAccount } from '@/features/agent-accounts/api/schemas';
import {
  errorResponse,
  jsonResponse,
  type FakeApi,
  type RecordedRequest,
} from '@/testing/fake-api';
import type { QueueName } from '@/types/api';

import type { ApiKey } from '../api/schemas';

const everyAction = ['next_lead', 'outcome', 'link', 'sms'];

/** An active key of agent 20 allowing the next-lead routes, made by the demo admin. */
export function buildApiKey(overrides: Partial<ApiKey> = {}): ApiKey {
  return {
    id: '7',
    agentId: '20',
    prefix: 'rmc_k7a1b2c3',
    actions: ['next_lead'],
    queues: [],
    active: true,
    createdBy: '3',
    createdAt: '2026-11-02T10:15:00Z',
    lastUsedAt: null,
    revokedAt: null,
    revokedBy: null,
    ...overrides,
  };
}

function nowStamp(): string {
  return new Date(Math.floor(Date.now() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export type FakeApiKeys = {
  /** Every key, by id (live: tests may read it later). */
  readonly keys: ApiKey[];
  /** The secrets handed out, by key id (the server keeps only their hashes). */
  readonly secrets: Map<string, string>;
};

/**
 * Installs the key routes for each of `accounts` (read live: a deactivation shows) on `api`,
 * holding `initial` keys.
 */
export function serveApiKeys(
  api: FakeApi,
  accounts: readonly AgentAccount[],
  initial: ApiKey[] = [],
): FakeApiKeys {
  const keys = [...initial];
  const secrets = new Map<string, string>();
  let nextId = 40;

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

  function revokeRoute(keyId: string) {
    api.on('POST', `/api/admin/api-keys/${keyId}/revoke`, (request) => {
      const session = admin(request);
      if (session instanceof Response) return session;
      const index = keys.findIndex((key) => key.id === keyId && key.active);
      const key = keys[index];
      if (!key) return errorResponse(404, 'not_found', `no active API key ${keyId}`);
      const revoked = { ...key, active: false, revokedAt: nowStamp(), revokedBy: session.agent.id };
      keys[index] = revoked;
      return jsonResponse(200, { key: revoked });
    });
  }

  function agentRoutes(agentId: string) {
    api.on('GET', `/api/admin/agents/${agentId}/api-keys`, (request) => {
      const session = admin(request);
      if (session instanceof Response) return session;
      if (!accounts.some((account) => account.id === agentId)) {
        return errorResponse(404, 'not_found', `no agent ${agentId}`);
      }
      return jsonResponse(200, { keys: keys.filter((key) => key.agentId === agentId) });
    });
    api.on('POST', `/api/admin/agents/${agentId}/api-keys`, (request) => {
      const session = admin(request);
      if (session instanceof Response) return session;
      const agent = accounts.find((account) => account.id === agentId);
      if (!agent) return errorResponse(404, 'not_found', `no agent ${agentId}`);
      if (agent.kind !== 'machine' || !agent.active) {
        return errorResponse(
          409,
          'failed_precondition',
          'API keys are only for active machine agents',
          { field: 'agentId' },
        );
      }
      const body = (request.body ?? {}) as { actions?: unknown; queues?: unknown };
      const actions = Array.isArray(body.actions) ? (body.actions as unknown[]) : [];
      if (actions.some((action) => !everyAction.includes(action as string))) {
        return invalid('actions', 'actions must be a list of next_lead, outcome, link, sms');
      }
      if (actions.length === 0) {
        return invalid('actions', 'a key must be allowed at least one action');
      }
      const queues = Array.isArray(body.queues) ? (body.queues as unknown[]) : [];
      if (queues.some((queue) => !agent.queues.includes(queue as QueueName))) {
        return invalid('queues', 'queues must be queues the machine agent may work');
      }
      nextId += 1;
      const secret = `rmc_${nextId}secret${'x'.repeat(24)}`;
      const key: ApiKey = {
        id: String(nextId),
        agentId,
        prefix: secret.slice(0, 12),
        actions: everyAction.filter((action) => actions.includes(action)),
        queues: agent.queues.filter((queue) => queues.includes(queue)),
        active: true,
        createdBy: session.agent.id,
        createdAt: nowStamp(),
        lastUsedAt: null,
        revokedAt: null,
        revokedBy: null,
      };
      keys.push(key);
      secrets.set(key.id, secret);
      revokeRoute(key.id);
      return jsonResponse(201, { key, secret }, { 'Cache-Control': 'no-store' });
    });
  }

  for (const account of accounts) agentRoutes(account.id);
  for (const key of keys) revokeRoute(key.id);
  return { keys, secrets };
}
