import type { Agent, Role, Session } from '@/types/api';

/** Demo accounts shaped like the server's demo data (docs/api.md). */
export const demoAgents: Record<Role, Agent> = {
  agent: {
    id: '1',
    email: 'agent@demo.local',
    displayName: 'Demo Agent',
    role: 'agent',
    queues: ['unsigned', 'outstanding', 'callbacks'],
  },
  supervisor: {
    id: '2',
    email: 'supervisor@demo.local',
    displayName: 'Sam Supervisor',
    role: 'supervisor',
    queues: ['unsigned', 'outstanding', 'callbacks'],
  },
  admin: {
    id: '3',
    email: 'admin@demo.local',
    displayName: 'Ada Admin',
    role: 'admin',
    queues: [],
  },
};

export const demoPassword = 'correct horse battery staple';

let tokenCounter = 0;

export function buildSession(agent: Agent, overrides: Partial<Session> = {}): Session {
  tokenCounter += 1;
  return {
    agent,
    csrfToken: `csrf-${agent.id}-${tokenCounter}`,
    expiresAt: '2026-11-22T21:30:00Z',
    idleExpiresAt: '2026-11-22T10:00:00Z',
    ...overrides,
  };
}
